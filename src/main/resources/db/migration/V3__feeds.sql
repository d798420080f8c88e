-- Feed ingestion state. Portable SQL: runs on H2 (embedded default) and PostgreSQL.

-- One row per configured feed URL: health, backoff and the validators for conditional GET.
create table feed_source (
    url                  varchar(2000) not null primary key,
    last_polled_at       timestamp,
    last_success_at      timestamp,
    last_error           varchar(4000),
    last_error_at        timestamp,
    consecutive_failures integer       not null,
    next_poll_at         timestamp,
    etag                 varchar(1000),
    last_modified        varchar(100)
);

-- One row per feed item ever seen, keyed like the article's source key ("feed:" + guid, else link).
-- The fingerprint is what the feed itself says about the item; the page behind the link is fetched
-- again only when it changes. content_hash is the SHA-256 of the content last used for the article.
create table feed_item (
    item_key     varchar(2000) not null primary key,
    feed_url     varchar(2000) not null,
    link         varchar(2000),
    fingerprint  varchar(64)   not null,
    content_hash varchar(64),
    article_id   varchar(32),
    outcome      varchar(20)   not null,
    reason       varchar(4000),
    first_seen   timestamp     not null,
    last_changed timestamp     not null
);
create index feed_item_feed on feed_item (feed_url);
