-- Link health (issue 15 item 5): every check is a row of link_health (the history); the link keeps its
-- latest state, reason and check time for listings and the "gone" filter, and health_due_at, when the
-- scheduler checks it next (NULL: not scheduled yet, the scheduler fills it in).

CREATE TABLE link_health (
    id INTEGER PRIMARY KEY,
    link_id INTEGER NOT NULL REFERENCES links (id) ON DELETE CASCADE,
    checked_at TEXT NOT NULL,
    -- alive, moved, gone, soft-404, unknown
    state TEXT NOT NULL,
    http_status INTEGER,
    reason TEXT NOT NULL,
    moved_to TEXT,
    -- 1: a failure that may pass (counted towards "gone" when it persists)
    failure INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX ix_link_health_link ON link_health (link_id, id);

ALTER TABLE links ADD COLUMN health TEXT;
ALTER TABLE links ADD COLUMN health_reason TEXT;
ALTER TABLE links ADD COLUMN health_checked_at TEXT;
ALTER TABLE links ADD COLUMN health_moved_to TEXT;
ALTER TABLE links ADD COLUMN health_due_at TEXT;

CREATE INDEX ix_links_health ON links (health, id);
CREATE INDEX ix_links_health_due ON links (health_due_at);
