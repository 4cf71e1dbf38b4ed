-- Readers' comments: posted without an account, held for moderation, threaded to a limited depth.
create table comment (
    id            uuid primary key,
    article_id    uuid not null references article (id) on delete cascade,
    parent_id     uuid references comment (id) on delete cascade,
    -- the top-level comment of a reply's thread (null for a top-level comment): a page of threads loads in one query
    root_id       uuid references comment (id) on delete cascade,
    depth         integer not null constraint comment_depth_check check (depth >= 0),
    author_name   varchar(100) not null,
    author_email  varchar(254) not null,
    -- the email folded to lowercase: rate limits and known commenters
    email_key     varchar(254) not null,
    author_url    varchar(2048),
    body          text not null,
    status        varchar(16) not null constraint comment_status_check
                      check (status in ('pending', 'approved', 'rejected', 'spam')),
    -- the poster's address, for moderators only; cleared after the retention period
    ip            varchar(45),
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    moderated_by  varchar(100),
    moderated_at  timestamptz,
    version       bigint not null default 0
);
-- public threads: the approved top-level comments of an article, oldest first
create index comment_threads_idx on comment (article_id, created_at, id) where status = 'approved' and parent_id is null;
-- their approved replies, loaded by thread
create index comment_replies_idx on comment (root_id, created_at, id) where status = 'approved';
-- the moderation queue, oldest first
create index comment_queue_idx on comment (status, created_at, id);
-- rate limits and known commenters
create index comment_ip_idx on comment (ip, created_at) where ip is not null;
create index comment_email_idx on comment (email_key, created_at);

-- article.comment_count counts approved comments, kept exact by the database whatever writes comments, concurrent
-- posts and moderation included: each change adds or takes one under the article row's lock.
create function comment_count_change() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') and old.status = 'approved' then
        update article set comment_count = comment_count - 1 where id = old.article_id;
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.status = 'approved' then
        update article set comment_count = comment_count + 1 where id = new.article_id;
    end if;
    return null;
end
$$;

create trigger comment_count_change
    after insert or update of status or delete on comment
    for each row execute function comment_count_change();
