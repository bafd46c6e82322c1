-- Read-later states on links (kept by imports from Pocket, wallabag, Pinboard...; editable in the library)
-- and persisted imports: an import's parsed file is applied in batches, each batch in one transaction
-- with the import's progress, so a daemon killed mid-import continues where it stopped at the next start.

ALTER TABLE links ADD COLUMN is_read INTEGER NOT NULL DEFAULT 0;
ALTER TABLE links ADD COLUMN is_favorite INTEGER NOT NULL DEFAULT 0;
ALTER TABLE links ADD COLUMN is_archived INTEGER NOT NULL DEFAULT 0;
ALTER TABLE links ADD COLUMN is_private INTEGER NOT NULL DEFAULT 0;

CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    file_name TEXT NOT NULL,
    format TEXT NOT NULL,
    -- running: links still being added; capturing: all added, captures queued; paused; cancelled; done
    status TEXT NOT NULL,
    no_capture INTEGER NOT NULL DEFAULT 0,
    -- The plan (links to apply, rejected entries) as JSON, relative to the data directory.
    plan_path TEXT NOT NULL,
    entry_count INTEGER NOT NULL,
    link_count INTEGER NOT NULL,
    rejected_count INTEGER NOT NULL,
    duplicate_count INTEGER NOT NULL,
    applied INTEGER NOT NULL DEFAULT 0,
    created INTEGER NOT NULL DEFAULT 0,
    merged INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    finished_at TEXT
);

ALTER TABLE snapshots ADD COLUMN import_id INTEGER REFERENCES imports (id) ON DELETE SET NULL;
CREATE INDEX ix_snapshots_import ON snapshots (import_id, status);
