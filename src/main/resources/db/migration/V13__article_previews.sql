-- Draft previews (README: Draft previews): expiring tokens, each for one article, kept as hashes.
create table article_preview (
    id          uuid primary key,
    article_id  uuid not null references article (id) on delete cascade,
    token_hash  varchar(64) not null unique,
    -- null: the preview follows the latest draft; else it shows this revision
    revision    integer,
    created_by  varchar(200) not null,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    revoked_at  timestamptz
);
create index article_preview_article_idx on article_preview (article_id, created_at desc);
