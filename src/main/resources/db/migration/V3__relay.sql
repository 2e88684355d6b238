-- Where each relay of the log to Kafka stands: the feed cursor of the last event it published.
-- The log is the outbox: the relay follows it in its gap-free order and moves this checkpoint
-- only after the broker acknowledged everything before it.
create table relay_checkpoints (
    name        text        primary key,
    tx_id       bigint      not null,
    position    bigint      not null,
    updated_at  timestamptz not null
);
