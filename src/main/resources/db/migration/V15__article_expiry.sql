-- An article may leave public view by itself at an instant, as a scheduled one enters it (README: Expiry). What is
-- public at an instant is defined once, in the service's SQL (PublicArticles.VISIBLE): published, its publication
-- instant reached, its expiry not yet.
alter table article add column unpublish_at timestamptz;
alter table article add constraint article_unpublish_at_check
    check (unpublish_at is null or published_at is null or unpublish_at > published_at);

-- the public lists keep finding their pages on the index alone: it now carries the expiry the predicate reads
drop index article_published_idx;
create index article_published_idx on article (listed_at desc, id desc) include (unpublish_at)
    where status = 'published';

-- when its expiry was announced (change feed, webhooks); announced_at stays, so that an expired article does not
-- linger among the publications still to announce
alter table article add column expiry_announced_at timestamptz;

-- the next expiry ahead (caches are kept no longer), and the expiries due to be announced
create index article_unpublish_idx on article (unpublish_at) where status = 'published' and unpublish_at is not null;
create index article_unannounced_expiry_idx on article (unpublish_at)
    where status = 'published' and unpublish_at is not null and expiry_announced_at is null;
