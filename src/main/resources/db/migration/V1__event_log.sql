-- The event log: one row per event, append-only.
--
-- position  global order of insertion (a sequence value taken at INSERT time);
-- tx_id     the writing transaction (64-bit, never wraps). A sequence value becomes visible
--           only at COMMIT, so followers read in (tx_id, position) order and only below the
--           oldest transaction still running: see EventStore#readAll.
-- version   the event's place in its partnership's stream; the unique constraint, not a lock
--           in the service, guarantees that each version is written once.
create table events (
    position        bigint generated always as identity primary key,
    tx_id           bigint      not null default (pg_current_xact_id()::text::bigint),
    stream_id       uuid        not null,
    version         bigint      not null check (version > 0),
    event_id        uuid        not null,
    type            text        not null,
    schema_version  int         not null,
    data            jsonb       not null,
    occurred_at     timestamptz not null,
    recorded_at     timestamptz not null,
    recorded_by     text        not null,
    correlation_id  uuid,
    causation_id    uuid,
    evidence_url    text,
    constraint events_stream_version_key unique (stream_id, version),
    constraint events_event_id_key unique (event_id)
);

create index events_follow_idx on events (tx_id, position);

-- A voided event is found through the EventVoided that names it.
create index events_voided_idx on events (stream_id, ((data ->> 'voidedEventId')))
    where type = 'EventVoided';

-- The current state of each partnership (the fold of its stream), written in the same
-- statement as the events that change it. Its version is the stream's version.
create table partnerships (
    id           uuid        primary key,
    version      bigint      not null,
    state        jsonb       not null,
    partner_orgs text[]      not null,
    updated_at   timestamptz not null
);

create index partnerships_partner_orgs_idx on partnerships using gin (partner_orgs);

-- Whole-request idempotency: a retried request with the same key gets the same answer, which is
-- rebuilt from the events the first request stored.
create table idempotency_keys (
    caller        text        not null,
    request_path  text        not null,
    key           text        not null,
    request_hash  text        not null,
    event_ids     uuid[]      not null,
    created_at    timestamptz not null,
    primary key (caller, request_path, key)
);

create index idempotency_keys_created_at_idx on idempotency_keys (created_at);
