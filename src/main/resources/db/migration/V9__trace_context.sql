-- The W3C trace context of the request that appended each event (traceparent, tracestate):
-- carried on its Kafka records, so an operator can follow a request from the HTTP call through
-- the append to the record a funder's system received. Null where nothing was traced.
alter table events
    add column trace_parent text,
    add column trace_state  text;
