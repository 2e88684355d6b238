-- The health facts, a fold of the stream kept beside its state: an append folds only its own
-- events into them. Plain text (not jsonb): the service alone reads it, whole, once per append.
-- Rows written before the fold have none; the next append to each folds its stream again.
alter table partnerships add column health_facts text;

-- The row's large values (state, health view, facts) are rewritten by every append. lz4
-- compresses them several times faster than PostgreSQL's default (pglz), where the server
-- was built with it.
do $$
begin
    if exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any(enumvals)) then
        alter table partnerships alter column state set compression lz4;
        alter table partnerships alter column health set compression lz4;
        alter table partnerships alter column health_facts set compression lz4;
    end if;
end
$$;
