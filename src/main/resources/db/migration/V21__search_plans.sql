-- Searches are planned for their words (bench/README.md, "Search and the archive at 1,000,000 articles").
--
-- 1. Statistics of the search vector. Whether a search walks the newest articles (common words) or the search index
-- (rare ones) is decided on the estimate of how many articles the words match. With the default statistics (100), a
-- word missing from the sampled most common lexemes is taken to match half the rarest kept one: at 1,000,000
-- articles that is 0.33% (3,300 articles) for a word that is in 30, so a search for it newest first walked the whole
-- archive looking for 21 matches (3 to 7 s). With 1,000 the estimate is 0.04%, and the search index is used (2-3 ms).
-- ANALYZE then samples 300,000 articles instead of 30,000: 14.5 s for the table at 1,000,000 articles instead of 2 s.
alter table article alter column search set statistics 1000;
analyze article (search);

-- 2. Custom plans only. A search statement ends with "and (cast(<the words> as text) is not null or
-- custom_plan_guard())" (ArticleListRepository.CUSTOM_PLAN_GUARD): in a custom plan the words are known, the first
-- term is true and the condition is dropped while planning, so this function is never called. In a generic plan (a
-- prepared statement planned once for any values) the condition stays, and the declared cost below makes that plan
-- dearer than any custom one, so PostgreSQL keeps planning each search for its words. Were it ever called it would say
-- nothing (false), and the words are never null, so the condition stays true either way.
create function custom_plan_guard() returns boolean
    language plpgsql stable cost 1000000000
as $$
begin
    return false;
end
$$;

comment on function custom_plan_guard() is
    'Never called: makes a generic plan of a search statement look too dear to be chosen (V21).';
