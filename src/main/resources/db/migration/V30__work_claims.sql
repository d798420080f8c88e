-- Work claims (issue 15). Portable SQL: runs on H2 (embedded default) and PostgreSQL.

-- The claim on an article's due work: which instance (tolk.instance.id) works on it, for which stage, until
-- when. A claim whose lease_until has passed is free again (its holder died or hung): another instance takes
-- it. Claims are taken with SELECT ... FOR UPDATE SKIP LOCKED, so two instances never take the same article.
alter table article add column claimed_by varchar(200);
alter table article add column claim_stage varchar(40);
alter table article add column lease_until timestamp;
-- due work is found by state (and lease), never by reading the whole table
create index article_state_lease on article (state, lease_until);
create index article_claimed_by on article (claimed_by);
-- articles waiting for quota become due at next_attempt_at
create index translation_retry_due on translation_retry (next_attempt_at);

-- Which instance made a publication attempt (the outside call), for status and the post-mortem of a kill.
alter table publication add column attempted_by varchar(200);

-- Every instance working on this store, and when it last said it was alive (the cluster view).
create table tolk_instance (
    id             varchar(200)  not null primary key,
    host           varchar(255),
    pid            bigint,
    started_at     timestamp     not null,
    last_heartbeat timestamp     not null
);
