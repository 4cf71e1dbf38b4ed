-- Retention: change-log and webhook-delivery rows older than the configured age are pruned in small batches. The
-- highest change number pruned is kept here, so that a change-feed cursor from before it is told to resync (410)
-- rather than read on over a gap.
create table change_log_pruned (
    id     boolean primary key default true check (id),
    up_to  bigint not null
);
insert into change_log_pruned (up_to) values (0);
create index change_event_at_idx on change_event (at);
create index webhook_delivery_created_idx on webhook_delivery (created_at);
