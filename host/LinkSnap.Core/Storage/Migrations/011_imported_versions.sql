-- Imported versions (mode 'imported'): a snapshot whose content came from another tool's export (wallabag,
-- Omnivore, Karakeep article HTML; a WACZ's records), not from a LinkSnap capture. The source's name, shown
-- as "imported from ..., not captured by LinkSnap". Null for every captured version.
ALTER TABLE snapshots ADD COLUMN imported_from TEXT;
