-- Fills a migrated content database with :n published articles in realistic shapes, straight through the service's
-- own schema (the HTTP API would take hours at a million). Run with: psql -v n=5000 -f bench/generate.sql
--   1 author per 20 articles; 200 tags, 4 per article; ~1.5 KB bodies of paragraphs, a heading, a list and a quote
--   block; 2 quotations per 5 articles; 4 approved comments per article.
\set ON_ERROR_STOP on
\timing on

truncate webhook_delivery, webhook, change_event, comment, article_quotation, article_tag, article_author,
         article_slug, article_revision, article, quotation, tag, api_key, author cascade;

-- words and paragraphs to draw text from
create temporary table word (i int primary key, w text);
insert into word
select row_number() over () - 1, w
from unnest(string_to_array(
  'talks sanctions summit treaty envoy harbor tariff ports ships cranes winter window pressure patience freeze testing ' ||
  'missile nuclear arms control diplomacy ledger trade economy towns payrolls gulls terminals cargo berths container ' ||
  'weekly column review quarterly essay history archive council minister senate budget election coalition reform ' ||
  'river city bridge railway tunnel highway airport market bank currency inflation wages housing rent school ' ||
  'hospital doctors nurses court judge verdict appeal police prison border migrants refugees asylum treaty alliance ' ||
  'navy army pilots drones satellites cables energy oil gas coal wind solar grid storm flood drought harvest farmers ' ||
  'fishing forests wildfire glacier ocean island coast village mayor governor president chancellor premier cabinet ' ||
  'scandal inquiry report testimony hearing witness memo leak spy embassy consul visa passport customs smuggling', ' ')) w;

select count(*) as words from word \gset

create temporary table paragraph (i int primary key, text text);
insert into paragraph
select p, string_agg(case when j = 1 then initcap(w.w) else w.w end, ' ' order by j) || '.'
from generate_series(0, 999) p
cross join generate_series(1, 42) j
join word w on w.i = (p * 31 + j * 17 + (p * j) % 7) % :words
group by p;

-- authors
insert into author (id, slug, name, sort_name, role, bio, location, links, publications, created_at, updated_at)
select gen_random_uuid(), 'author-' || a, 'Writer ' || a, 'writer ' || lpad(a::text, 8, '0'), 'Contributing Writer',
       (select text from paragraph where i = a % 1000), 'Town ' || (a % 97),
       jsonb_build_array(jsonb_build_object('label', 'Website', 'url', 'https://writers.example.org/' || a)),
       '["The Northern Review", "Harbor Quarterly"]'::jsonb, now() - interval '3 years', now() - interval '1 year'
from generate_series(1, greatest(1, :n / 20)) a;

-- tags
insert into tag (id, slug, name, created_at)
select gen_random_uuid(), 'tag-' || t, 'Tag ' || t, now() - interval '3 years' from generate_series(0, 199) t;

-- quotations: 2 per 5 articles
insert into quotation (id, text, speaker_name, speaker_key, speaker_description, source, source_title_key, language,
                       attribution, created_at, updated_at)
select gen_random_uuid(), p.text, 'Speaker ' || (q % 500), 'speaker ' || (q % 500), 'Historian',
       jsonb_build_object('title', 'Work ' || (q % 2000), 'kind', 'book', 'locator', 'p. ' || (q % 400 + 1)),
       'work ' || (q % 2000), 'en', 'Speaker ' || (q % 500) || ', Work ' || (q % 2000) || ', p. ' || (q % 400 + 1),
       now() - interval '2 years', now() - interval '2 years'
from generate_series(1, greatest(1, :n * 2 / 5)) q
join paragraph p on p.i = q % 1000;

create temporary table numbered_author as select row_number() over (order by slug) - 1 as k, id from author;
create index on numbered_author (k);
create temporary table numbered_quotation as select row_number() over (order by id) - 1 as k, id from quotation;
create index on numbered_quotation (k);
create temporary table numbered_tag as select row_number() over (order by slug) - 1 as k, id from tag;
create index on numbered_tag (k);
select count(*) as authors from numbered_author \gset
select count(*) as quotations from numbered_quotation \gset

-- rarer words, each in ~30 articles: what real searches look for
select greatest(100, :n / 10) as keywords \gset

-- articles: newest first is article-1; one every five minutes back in time; every fifth paragraph choice differs
create temporary table generated as
select a,
       gen_random_uuid() as id,
       now() - (a * interval '5 minutes') as published_at,
       (select id from numbered_quotation where k = a % :quotations) as quotation_id,
       (select id from numbered_author where k = (a - 1) / 20 % :authors) as author_id
from generate_series(1, :n) a;
create index on generated (a);

insert into article (id, slug, title, subtitle, excerpt, sort_title, status, published_at, announced_at, comments_open,
                     body, body_text, word_count, comment_count, created_at, updated_at)
select g.id, 'article-' || g.a,
       'Article ' || g.a || ': ' || initcap(w1.w) || ' and ' || w2.w,
       'On ' || w3.w || ', ' || w4.w || ' and what follows',
       left(p1.text, 160),
       'article ' || lpad(g.a::text, 8, '0'),
       'published', g.published_at, g.published_at, true,
       jsonb_build_array(
           jsonb_build_object('type', 'paragraph', 'text', p1.text),
           jsonb_build_object('type', 'paragraph', 'text', p2.text),
           jsonb_build_object('type', 'quote', 'quotationId', g.quotation_id),
           jsonb_build_object('type', 'heading', 'level', 2, 'text', initcap(w3.w) || ' in question'),
           jsonb_build_object('type', 'paragraph', 'text', p3.text),
           jsonb_build_object('type', 'list', 'ordered', false,
                              'items', jsonb_build_array(initcap(w1.w), initcap(w2.w), initcap(w4.w))),
           jsonb_build_object('type', 'paragraph', 'text', p4.text || ' Filed under kw' || (g.a * 7 % :keywords)
                              || ', kw' || (g.a * 13 % :keywords) || ' and kw' || (g.a * 31 % :keywords) || '.')),
       p1.text || E'\n' || p2.text || E'\n' || p3.text || E'\n' || p4.text || ' Filed under kw'
           || (g.a * 7 % :keywords) || ', kw' || (g.a * 13 % :keywords) || ' and kw' || (g.a * 31 % :keywords) || '.',
       168, 4, g.published_at - interval '1 day', g.published_at
from generated g
join paragraph p1 on p1.i = g.a % 1000
join paragraph p2 on p2.i = (g.a * 7 + 3) % 1000
join paragraph p3 on p3.i = (g.a * 13 + 5) % 1000
join paragraph p4 on p4.i = (g.a * 29 + 11) % 1000
join word w1 on w1.i = g.a % :words
join word w2 on w2.i = (g.a * 3 + 1) % :words
join word w3 on w3.i = (g.a * 7 + 2) % :words
join word w4 on w4.i = (g.a * 11 + 5) % :words;

insert into article_author (article_id, position, author_id) select id, 0, author_id from generated;
insert into article_quotation (article_id, position, quotation_id) select id, 0, quotation_id from generated;
insert into article_tag (article_id, position, tag_id)
select g.id, s.position, t.id
from generated g
cross join generate_series(0, 3) s(position)
join numbered_tag t on t.k = (g.a + s.position * 50) % 200;

-- comments: 4 approved per article; the count trigger is off while they load, the counts are set above
alter table comment disable trigger comment_count_change;
insert into comment (id, article_id, depth, author_name, author_email, email_key, body, status, created_at, updated_at)
select gen_random_uuid(), g.id, 0, 'Reader ' || c, 'reader' || c || '@example.org', 'reader' || c || '@example.org',
       left(p.text, 200), 'approved', g.published_at + c * interval '1 hour', g.published_at + c * interval '1 hour'
from generated g
cross join generate_series(1, 4) c
join paragraph p on p.i = (g.a + c) % 1000;
alter table comment enable trigger comment_count_change;

analyze;
select (select count(*) from article) as articles, (select count(*) from author) as authors,
       (select count(*) from quotation) as quotations, (select count(*) from comment) as comments,
       pg_size_pretty(pg_database_size(current_database())) as size;
