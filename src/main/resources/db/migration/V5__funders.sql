-- The funder registry: a FundingSecured may name only a registered funder.
create table funders (
    funder_id      text        primary key,
    name           text        not null,
    kind           text        not null,
    registered_at  timestamptz not null
);
