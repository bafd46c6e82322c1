-- Issue 18 item 3: the library sorts by the page's published date and filters by its author. Both facts
-- live in a snapshot's metadata (snapshot.json's metadata.publishedTime and metadata.byline); sorting and
-- paging a listing by them needs them on the links row, next to created_at and site, with an index.
-- They are the facts of the link's newest capture that saved the page (done or partial), kept by triggers
-- so every path that writes snapshot metadata (captures, imports, reindex) keeps them. published is ''
-- when unknown (sorts last newest-first, and keeps the page cursor's key a plain string); ISO 8601 text
-- sorts by date as text.

ALTER TABLE links ADD COLUMN author TEXT;
ALTER TABLE links ADD COLUMN published TEXT NOT NULL DEFAULT '';

UPDATE links SET
    author = (SELECT json_extract(s.metadata_json, '$.byline') FROM snapshots s
              WHERE s.link_id = links.id AND s.status IN ('done', 'partial') AND json_valid(s.metadata_json) ORDER BY s.id DESC LIMIT 1),
    published = COALESCE((SELECT json_extract(s.metadata_json, '$.publishedTime') FROM snapshots s
              WHERE s.link_id = links.id AND s.status IN ('done', 'partial') AND json_valid(s.metadata_json) ORDER BY s.id DESC LIMIT 1), '');

CREATE TRIGGER links_page_facts_on_snapshot_update AFTER UPDATE OF metadata_json, status ON snapshots
WHEN NEW.status IN ('done', 'partial') AND json_valid(NEW.metadata_json)
    AND NOT EXISTS (SELECT 1 FROM snapshots n WHERE n.link_id = NEW.link_id AND n.id > NEW.id AND n.status IN ('done', 'partial'))
BEGIN
    UPDATE links SET author = json_extract(NEW.metadata_json, '$.byline'), published = COALESCE(json_extract(NEW.metadata_json, '$.publishedTime'), '')
    WHERE id = NEW.link_id;
END;

CREATE TRIGGER links_page_facts_on_snapshot_insert AFTER INSERT ON snapshots
WHEN NEW.status IN ('done', 'partial') AND json_valid(NEW.metadata_json)
BEGIN
    UPDATE links SET author = json_extract(NEW.metadata_json, '$.byline'), published = COALESCE(json_extract(NEW.metadata_json, '$.publishedTime'), '')
    WHERE id = NEW.link_id;
END;

CREATE INDEX ix_links_published ON links (published, id);
CREATE INDEX ix_links_author ON links (author COLLATE NOCASE);
