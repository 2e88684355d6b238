-- Where each partnership comes in triage (GET /partnerships?sort=attention): written with its
-- health by every append and reassessment (Health.attention()). Rows assessed before it get the
-- same number here, from their stored view: status, then the most severe alert, then overall.
alter table partnerships add column health_attention integer;

update partnerships p
set health_attention =
        (array_position(array['RED', 'AMBER', 'NOT_ENOUGH_DATA', 'GREEN', 'PAUSED', 'CLOSED'], p.health_status) - 1) * 10000
        + coalesce((select min(array_position(array['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'], a ->> 'severity') - 1)
                    from jsonb_array_elements(p.health -> 'alerts') a), 4) * 1000
        + coalesce(p.health_overall, 101)
where p.health_status is not null;

create index partnerships_attention on partnerships (health_attention, id);
