-- Tags have a type (README: Sections and series): a section of the magazine, a series, a topic (what every tag was
-- until now) or a tone (opinion, analysis). An article has at most one primary section, one of its tags.
alter table tag add column type varchar(16) not null default 'topic'
    constraint tag_type_check check (type in ('section', 'series', 'topic', 'tone'));
-- with a default, so that an instance still running the code before this migration can make tags meanwhile
alter table tag add column updated_at timestamptz not null default now();
update tag set updated_at = created_at;
create index tag_type_idx on tag (type, slug);

alter table article add column section_id uuid constraint article_section_fk references tag (id);
-- a section's list walks this index in list order; the public condition is checked on the page's rows
create index article_section_idx on article (section_id, listed_at desc, id desc) where section_id is not null;

-- renaming or retyping a tag is a change (tag.updated) every instance purges on
alter table change_event drop constraint change_event_type_check;
alter table change_event add constraint change_event_type_check
    check (type in ('article', 'author', 'quotation', 'comment', 'asset', 'tag'));
