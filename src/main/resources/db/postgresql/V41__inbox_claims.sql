-- The shared inbox's claims (issue 15): camel-sql's JdbcOrphanLockAwareIdempotentRepository, used by the inbox
-- consumer as readLock=idempotent-changed, inserts one row per file an instance is reading (processorName = the
-- repository's name, messageId = the file name) and renews createdAt while it holds the file; a row not renewed
-- for tolk.ingest.claim-max-age ms belonged to a dead instance and is taken over. The table is the one camel-sql
-- would create itself, with a messageId wide enough for any file name (camel-sql's default is 100 characters).
-- PostgreSQL only: the embedded H2 mode has one instance and keeps its claims in memory.
create table camel_messageprocessed (
    processorName varchar(255)  not null,
    messageId     varchar(1000) not null,
    createdAt     timestamp     not null,
    primary key (processorName, messageId)
);
