-- Imports of other systems' exports (README: Moving a WordPress site). An import is a job that survives a restart: the
-- file stays on disk, and the job row says how far it got (items_done: the <item>s of the file fully written), so that
-- whichever instance takes it up next skips what is done instead of starting over.
create table import_job (
    id            uuid primary key,
    kind          text        not null check (kind in ('wordpress')),
    status        text        not null check (status in ('queued', 'running', 'done', 'failed')),
    file_name     text        not null,
    file_path     text        not null,
    file_bytes    bigint      not null,
    fetch_images  boolean     not null,
    site          text,
    header_done   boolean     not null default false,
    items_done    bigint      not null default 0,
    items_total   bigint,
    counts        jsonb       not null default '{}',
    error         text,
    created_by    text        not null,
    created_at    timestamptz not null,
    started_at    timestamptz,
    finished_at   timestamptz,
    updated_at    timestamptz not null,
    lease_until   timestamptz,
    leased_by     text
);
create index import_job_due_idx on import_job (created_at) where status in ('queued', 'running');

-- What an import skipped, changed or flagged, item by item, in the order it went.
create table import_report (
    job_id       uuid        not null references import_job (id) on delete cascade,
    seq          bigint      generated always as identity,
    kind         text        not null,
    external_id  text,
    target       text,
    action       text        not null,
    message      text        not null,
    at           timestamptz not null default now(),
    primary key (job_id, seq)
);

-- What an import wrote, by the id the other system gave it: a re-run (or a newer export of the same site) updates what
-- it wrote before instead of writing it again. digest: of what was written, so an unchanged item is left alone.
create table external_ref (
    source       text   not null,
    kind         text   not null,
    external_id  text   not null,
    target_id    uuid   not null,
    digest       text,
    primary key (source, kind, external_id)
);
create index external_ref_target_idx on external_ref (target_id);

-- Old addresses of articles (a WordPress permalink, ?p=123), for GET /api/v1/redirects: a frontend answers 301.
create table article_legacy_path (
    path        text primary key,
    article_id  uuid not null references article (id) on delete cascade
);
create index article_legacy_path_article_idx on article_legacy_path (article_id);

-- The attachments a WordPress file lists (read in a first pass: a post may name its featured image before the
-- attachment's own item), so that the posts' images are found by id without holding the list in memory.
create table import_attachment (
    job_id      uuid   not null references import_job (id) on delete cascade,
    wp_id       bigint not null,
    url         text   not null,
    title       text,
    alt         text,
    caption     text,
    primary key (job_id, wp_id)
);
