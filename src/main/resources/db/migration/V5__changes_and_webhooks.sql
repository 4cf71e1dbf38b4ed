-- The change log: one row per change, written in the transaction that makes the change. Readers page by
-- (txid, seq) and only up to the oldest transaction still running, so an event that commits late is never passed
-- over: whatever lies below that frontier will never change again.
create table change_event (
    seq         bigint generated always as identity primary key,
    txid        xid8 not null default pg_current_xact_id(),
    type        varchar(16) not null constraint change_event_type_check
                    check (type in ('article', 'author', 'quotation', 'comment')),
    entity_id   uuid not null,
    slug        varchar(120),
    -- what the public (anonymous and partner callers) sees of the change; null: nothing, it never was public
    public_op   varchar(8) constraint change_event_public_op_check check (public_op in ('upsert', 'delete')),
    -- what editors see of it
    staff_op    varchar(8) not null constraint change_event_staff_op_check check (staff_op in ('upsert', 'delete')),
    action      varchar(32) not null,
    version     bigint,
    at          timestamptz not null default now()
);
create index change_event_position_idx on change_event (txid, seq);

-- When a scheduled article went public: a job announces it (change event, webhooks) once its instant passes.
alter table article add column announced_at timestamptz;
create index article_unannounced_idx on article (published_at) where status = 'published' and announced_at is null;

-- Webhooks: where to tell about changes, and with which secret to sign.
create table webhook (
    id          uuid primary key,
    url         varchar(2048) not null,
    secret      varchar(200) not null,
    -- event names such as article.published, or * for every event
    events      jsonb not null,
    -- the API key that made it (partners see and manage their own)
    owner       varchar(100) not null,
    active      boolean not null default true,
    created_at  timestamptz not null,
    version     bigint not null default 0
);

-- Deliveries: written with the change (the outbox), sent and retried by a worker on any instance.
create table webhook_delivery (
    id               uuid primary key,
    webhook_id       uuid not null references webhook (id) on delete cascade,
    event_seq        bigint not null references change_event (seq),
    event            varchar(64) not null,
    payload          jsonb not null,
    status           varchar(16) not null constraint webhook_delivery_status_check
                         check (status in ('pending', 'delivered', 'failed')),
    attempts         integer not null default 0,
    next_attempt_at  timestamptz not null,
    last_status_code integer,
    last_error       varchar(500),
    created_at       timestamptz not null,
    delivered_at     timestamptz
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'pending';
create index webhook_delivery_webhook_idx on webhook_delivery (webhook_id, created_at desc);
