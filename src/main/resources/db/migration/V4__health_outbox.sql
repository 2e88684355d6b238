-- Health changes leave through an outbox of their own, written in the same statement as the
-- view whenever the status, an integer score or the set of alerts changes (and when a new funder
-- appears, so its topic starts with the current health); the relay follows it
-- as it follows the log (by writing transaction, below the oldest one running).
alter table partnerships add column health_key text;

create table health_outbox (
    id             bigint      generated always as identity primary key,
    tx_id          bigint      not null default (pg_current_xact_id()::text::bigint),
    partnership_id uuid        not null,
    funder_ids     text[]      not null,
    summary        jsonb       not null,
    created_at     timestamptz not null
);

create index health_outbox_follow_idx on health_outbox (tx_id, id);
