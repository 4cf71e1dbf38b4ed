-- Tags: a name and its slug; made on the fly when an article names a new one.
create table tag (
    id         uuid primary key,
    slug       varchar(120) not null constraint tag_slug_key unique,
    name       varchar(100) not null,
    created_at timestamptz not null
);

-- Articles. The stored status is draft, published or archived; "scheduled" is a published article whose
-- published_at is still ahead, so it becomes public at that instant with no job to run.
create table article (
    id             uuid primary key,
    slug           varchar(120) not null constraint article_slug_key unique,
    title          varchar(300),
    subtitle       varchar(500),
    excerpt        varchar(2000),
    -- the title folded to lowercase ASCII, in byte order, for sort=title on every server alike
    sort_title     varchar(600) collate "C" not null default '',
    status         varchar(16) not null constraint article_status_check
                       check (status in ('draft', 'published', 'archived')),
    published_at   timestamptz,
    canonical_url  varchar(2048),
    comments_open  boolean not null default true,
    body           jsonb not null default '[]',
    -- the body as plain text, kept by the service: what search reads and highlights
    body_text      text not null default '',
    word_count     integer not null default 0,
    comment_count  integer not null default 0,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    version        bigint not null default 0,
    -- the order of lists: publication time, or creation time for what was never published
    listed_at      timestamptz generated always as (coalesce(published_at, created_at)) stored,
    -- full-text search, weighted title > subtitle > excerpt > body, kept by the database itself
    search         tsvector generated always as (
                       setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
                       setweight(to_tsvector('english', coalesce(subtitle, '')), 'B') ||
                       setweight(to_tsvector('english', coalesce(excerpt, '')), 'C') ||
                       setweight(to_tsvector('english', body_text), 'D')) stored,
    constraint article_published_at_check check (status = 'draft' or published_at is not null)
);
-- the public lists: latest published first, keyset on (published_at, id)
create index article_published_idx on article (listed_at desc, id desc) where status = 'published';
-- the editors' lists, all statuses
create index article_listed_idx on article (listed_at desc, id desc);
create index article_title_idx on article (sort_title, id);
create index article_search_idx on article using gin (search);

-- Bylines, in order. Authors are referenced by id: the author feature owns them.
create table article_author (
    article_id uuid not null references article (id) on delete cascade,
    position   integer not null,
    author_id  uuid not null references author (id),
    primary key (article_id, position)
);
create index article_author_author_idx on article_author (author_id, article_id);

create table article_tag (
    article_id uuid not null references article (id) on delete cascade,
    position   integer not null,
    tag_id     uuid not null references tag (id),
    primary key (article_id, position)
);
create index article_tag_tag_idx on article_tag (tag_id, article_id);

-- Slugs an article had before: they answer 301 to the current one, so shared links never break.
create table article_slug (
    slug       varchar(120) primary key,
    article_id uuid not null references article (id) on delete cascade,
    created_at timestamptz not null
);
create index article_slug_article_idx on article_slug (article_id);

-- Every write of an article: who, when, which fields changed, and the article as it was written.
create table article_revision (
    id         uuid primary key,
    article_id uuid not null references article (id) on delete cascade,
    number     integer not null,
    created_at timestamptz not null,
    actor      varchar(100) not null,
    action     varchar(32) not null,
    changes    jsonb not null,
    snapshot   jsonb not null,
    constraint article_revision_number_key unique (article_id, number)
);
