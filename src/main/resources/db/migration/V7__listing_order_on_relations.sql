-- A tag's or an author's page walks its own index in list order: each tag and byline row carries its article's
-- listed_at, kept equal to it by the triggers below. Without it a tag holding 2% of the articles made a page read
-- ~50 entries of the whole archive's index per row it kept.
alter table article_tag add column listed_at timestamptz;
alter table article_author add column listed_at timestamptz;
update article_tag x set listed_at = a.listed_at from article a where a.id = x.article_id;
update article_author x set listed_at = a.listed_at from article a where a.id = x.article_id;
alter table article_tag alter column listed_at set not null;
alter table article_author alter column listed_at set not null;
create index article_tag_listed_idx on article_tag (tag_id, listed_at desc, article_id desc);
create index article_author_listed_idx on article_author (author_id, listed_at desc, article_id desc);

-- a row takes its article's listed_at when written (the article row is always written first)
create function take_article_listed_at() returns trigger language plpgsql as $$
begin
    select a.listed_at into new.listed_at from article a where a.id = new.article_id;
    return new;
end $$;
create trigger article_tag_listed_at before insert or update of article_id on article_tag
    for each row execute function take_article_listed_at();
create trigger article_author_listed_at before insert or update of article_id on article_author
    for each row execute function take_article_listed_at();

-- and follows it when publishing, unpublishing or rescheduling moves it
create function spread_article_listed_at() returns trigger language plpgsql as $$
begin
    update article_tag set listed_at = new.listed_at where article_id = new.id;
    update article_author set listed_at = new.listed_at where article_id = new.id;
    return null;
end $$;
create trigger article_listed_at_spread after update on article
    for each row when (old.listed_at is distinct from new.listed_at) execute function spread_article_listed_at();
