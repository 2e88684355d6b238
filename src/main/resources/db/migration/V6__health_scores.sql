-- Each dimension's score beside the full health view: the portfolio lists them for a page of
-- partnerships without reading each view (several kilobytes of reasons) from its TOAST storage.
alter table partnerships add column health_scores jsonb;

update partnerships
set health_scores = (select jsonb_object_agg(d.key, d.value -> 'score') from jsonb_each(health -> 'dimensions') d)
where health is not null;
