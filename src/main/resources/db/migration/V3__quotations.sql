-- Quotations: words someone said or wrote, with who and where, cited by articles' quote blocks.
create table quotation (
    id                 uuid primary key,
    text               text not null,
    speaker_name       varchar(200) not null,
    -- the name folded to lowercase ASCII, in byte order: speaker lists and filters
    speaker_key        varchar(400) collate "C" not null,
    speaker_description varchar(300),
    -- when the speaker is one of our authors
    speaker_author_id  uuid references author (id) on delete set null,
    source             jsonb,
    source_title_key   varchar(600) collate "C",
    via                jsonb,
    language           varchar(35) not null default 'en',
    note               text,
    attribution        varchar(1200) not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    version            bigint not null default 0,
    search             tsvector generated always as (
                           setweight(to_tsvector('english', text), 'A') ||
                           setweight(to_tsvector('english', attribution), 'B')) stored
);
create index quotation_speaker_idx on quotation (speaker_key, id);
create index quotation_source_idx on quotation (source_title_key, id);
create index quotation_kind_idx on quotation ((source ->> 'kind'), id);
create index quotation_search_idx on quotation using gin (search);

-- Which articles embed which quotations, in order of appearance; kept with the article's body.
create table article_quotation (
    article_id   uuid not null references article (id) on delete cascade,
    position     integer not null,
    quotation_id uuid not null references quotation (id),
    primary key (article_id, position)
);
create index article_quotation_quotation_idx on article_quotation (quotation_id, article_id);
