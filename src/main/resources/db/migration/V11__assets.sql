-- Assets: images uploaded once, kept by content hash, served as renditions (README: Assets).
create table asset (
    id                   uuid primary key,
    kind                 varchar(20) not null default 'image',
    media_type           varchar(50) not null,
    -- upright (EXIF orientation applied)
    width                integer not null check (width > 0),
    height               integer not null check (height > 0),
    bytes                bigint not null,
    -- of the original bytes: the same file uploaded twice is one asset
    sha256               varchar(64) not null unique,
    alt                  text,
    caption              text,
    credit               varchar(300),
    copyright            varchar(300),
    rights_expire_at     timestamptz,
    focal_x              double precision not null default 0.5 check (focal_x between 0 and 1),
    focal_y              double precision not null default 0.5 check (focal_y between 0 and 1),
    placeholder          text not null,
    dominant_color       varchar(7) not null,
    offers_webp          boolean not null,
    created_at           timestamptz not null,
    created_by           varchar(200) not null,
    -- the author whose key uploaded it (author keys change only their own)
    created_by_author_id uuid references author (id) on delete set null,
    updated_at           timestamptz not null,
    version              bigint not null default 0
);
create index asset_created_idx on asset (created_at desc, id desc);

-- assets join the change log (asset.created, asset.updated, asset.deleted)
alter table change_event drop constraint change_event_type_check;
alter table change_event add constraint change_event_type_check
    check (type in ('article', 'author', 'quotation', 'comment', 'asset'));
