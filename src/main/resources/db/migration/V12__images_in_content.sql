-- Images in content (README: Assets): an article's lead image and image blocks, an author's avatar. Every asset a
-- piece of content shows is listed in a table with a foreign key, so an asset in use cannot be deleted, and "what
-- uses this asset" is one indexed query.
alter table article add column image jsonb;

create table article_asset (
    article_id uuid not null references article (id) on delete cascade,
    position   integer not null,
    asset_id   uuid not null references asset (id),
    primary key (article_id, position)
);
create index article_asset_asset_idx on article_asset (asset_id, article_id);

alter table author add column avatar jsonb;
alter table author add column avatar_asset_id uuid references asset (id);
create index author_avatar_asset_idx on author (avatar_asset_id) where avatar_asset_id is not null;

-- the response cache asks for the next expiry after every purge
create index asset_rights_expire_idx on asset (rights_expire_at) where rights_expire_at is not null;
