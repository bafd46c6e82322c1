-- Issue 14: an imported version remembers a hash of the content it was made from, so importing the same
-- export again (wallabag, Omnivore, Karakeep) adds no second version when the article did not change.
ALTER TABLE snapshots ADD COLUMN imported_hash TEXT;
CREATE INDEX ix_snapshots_imported_hash ON snapshots (link_id, imported_hash) WHERE imported_hash IS NOT NULL;
