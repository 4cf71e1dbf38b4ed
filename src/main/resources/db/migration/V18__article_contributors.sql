-- Credits beside the byline (README: Contributors): [{role, authorId?, name?}] in order. An author's credits are found
-- by containment (contributors @> '[{"authorId": …}]') on the GIN index.
alter table article add column contributors jsonb not null default '[]';
create index article_contributors_idx on article using gin (contributors jsonb_path_ops);
