-- Issue 11: the translation memory keeps each segment's source text (so it can be exported as TMX) and
-- where an entry came from (an imported TMX file's name; null for Tolk's own translations).
alter table translation_memory add column source_text text;
alter table translation_memory add column origin varchar(200);
