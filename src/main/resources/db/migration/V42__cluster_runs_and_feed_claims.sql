-- Scale-out (issue 15), portable SQL: runs on H2 (embedded default) and PostgreSQL.

-- Which instance ran a publishing run, and for which scheduled time of the nightly trigger (null = on demand), so
-- the journal shows that the Quartz cluster fired each nightly run once.
alter table publishing_run add column instance_id varchar(200);
alter table publishing_run add column scheduled_for timestamp;

-- One instance polls a feed at a time: the poller claims the feed's row for one poll (claimed_by =
-- tolk.instance.id, until claim_until); a claim past claim_until belonged to an instance that died mid-poll.
alter table feed_source add column claimed_by varchar(200);
alter table feed_source add column claim_until timestamp;
