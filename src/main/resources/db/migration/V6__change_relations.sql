-- The resource a change also touches: the article of a comment (its thread and its comment count change with it).
alter table change_event add column related_id uuid;
