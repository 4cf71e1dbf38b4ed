-- The surrogate keys each change makes stale, stored with it: every instance purges exactly this set (instead of
-- recomputing it from the change's type), and the change feed and webhooks name it for CDN purgers. Changes logged
-- before this column existed purge nothing more: their answers are long expired.
alter table change_event add column purges text[] not null default '{}';
