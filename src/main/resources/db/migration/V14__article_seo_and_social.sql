-- Search and social card overrides of an article (README: Articles); null parts fall back to the article's own.
alter table article add column seo jsonb;
alter table article add column social jsonb;
