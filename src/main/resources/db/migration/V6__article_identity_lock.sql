-- Deciding which article new content belongs to (same source, same title, or a new article) and giving it
-- the next revision number happens under a lock on this one row, so that files arriving together are
-- numbered one after another instead of failing on a unique index and waiting for a redelivery.
create table article_identity_lock (id int primary key);
insert into article_identity_lock (id) values (1);
