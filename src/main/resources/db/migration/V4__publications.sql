-- One row per article, target (cms or a social channel's name) and language: where the article went out.
-- attempt_started_at is set before the outside world is called and cleared once the outcome is known,
-- so a row with it set after a crash means "the outcome of that call is unknown".
create table publication (
    article_id         varchar(32)   not null references article (id),
    target             varchar(100)  not null,
    language           varchar(8)    not null,
    external_id        varchar(500),
    url                varchar(2000),
    revision           integer       not null,
    published_revision integer,
    state              varchar(20)   not null,
    attempts           integer       not null,
    attempt_started_at timestamp,
    last_error         varchar(4000),
    created_at         timestamp     not null,
    updated_at         timestamp     not null,
    primary key (article_id, target, language)
);
create index publication_state on publication (state);
