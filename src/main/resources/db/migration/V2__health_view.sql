-- The current health of each partnership, written in the same statement as the events that
-- change it and refreshed by the daily reassessment as time alone moves it. The columns beside
-- the full view serve the portfolio's filters and sorts; each filter has an index.
alter table partnerships
    add column name              text,
    add column partnership_type  text,
    add column sectors           text[] not null default '{}',
    add column funder_ids        text[] not null default '{}',
    add column health            jsonb,
    add column health_status     text,
    add column health_overall    int,
    add column health_alerts     text[] not null default '{}',
    add column health_assessed_at timestamptz,
    add column params_version    text;

create index partnerships_status_idx on partnerships (health_status, id);
create index partnerships_type_idx on partnerships (partnership_type, id);
create index partnerships_overall_idx on partnerships ((coalesce(health_overall, -1)), id);
create index partnerships_name_idx on partnerships (name, id);
create index partnerships_sectors_idx on partnerships using gin (sectors);
create index partnerships_funders_idx on partnerships using gin (funder_ids);
create index partnerships_alerts_idx on partnerships using gin (health_alerts);
create index partnerships_assessed_idx on partnerships (health_assessed_at, id);

-- What the health assessment reads: every structural event of a stream, and the frequent kinds
-- (meetings, surveys, measure values, health checks) only within a recent window, so the cost of
-- assessing does not grow with the length of the stream.
create index events_recent_idx on events (stream_id, type, occurred_at);
