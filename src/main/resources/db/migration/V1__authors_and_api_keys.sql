-- Authors: the people who write for the magazine.
create table author (
    id           uuid primary key,
    slug         varchar(120) not null constraint author_slug_key unique,
    name         varchar(200) not null,
    -- the name folded to lowercase ASCII; byte order ("C") so every server sorts alike, whatever its locale
    sort_name    varchar(400) collate "C" not null,
    role         varchar(200),
    bio          text,
    location     varchar(200),
    links        jsonb not null default '[]',
    publications jsonb not null default '[]',
    avatar_url   varchar(2048),
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    version      bigint not null default 0
);
-- the list order and its keyset
create index author_sort_name_idx on author (sort_name, id);

-- API keys: only the SHA-256 of the secret is kept.
create table api_key (
    id          uuid primary key,
    name        varchar(100) not null,
    prefix      varchar(16) not null,
    secret_hash bytea not null constraint api_key_secret_hash_key unique,
    role        varchar(16) not null constraint api_key_role_check check (role in ('admin', 'editor', 'author', 'partner')),
    -- a revoked key outlives its author, for the record; an active one keeps the author from being deleted
    author_id   uuid references author (id) on delete set null,
    created_at  timestamptz not null,
    revoked_at  timestamptz,
    version     bigint not null default 0,
    constraint api_key_author_role_check check ((role = 'author') = (author_id is not null) or revoked_at is not null)
);
create index api_key_author_idx on api_key (author_id) where revoked_at is null;
