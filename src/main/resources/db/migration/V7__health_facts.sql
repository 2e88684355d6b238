-- The health facts, a fold of the stream kept beside its state: an append folds only its own
-- events into them. Plain text (not jsonb): the service alone reads it, whole, once per append.
-- Rows written before the fold have none; the next append to each folds its stream again.
alter table partnerships add column health_facts text;
