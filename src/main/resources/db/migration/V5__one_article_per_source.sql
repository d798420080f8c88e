-- One article per source (file name or feed guid), enforced by the database: when two versions of one
-- file are extracted at the same time, the second insert fails, is retried, and becomes revision 2.
drop index article_source_key;
create unique index article_source_key_unique on article (source_key);
