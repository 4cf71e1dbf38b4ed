-- Corrections of an article (README: Articles): the dated, typed notes a publication appends in the open, kept on
-- the article row as a jsonb list in the order they were appended (a single read stays one statement). Only appended
-- or withdrawn (the entry then stays, marked), through their actions; never written by an update of the article.
alter table article add column corrections jsonb not null default '[]';
