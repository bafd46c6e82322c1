-- Watches: a link re-captured on a schedule (issue 15). One row per watched link; the scheduler
-- keeps only the next due time and a failure count (LinkSnap.Core.Scheduling.ScheduleRule decides
-- the rest). source is 'link' for a link watched (or explicitly not watched: period 'off') on its
-- own, or the key of the tag whose watch it follows. snapshot_id is the check in flight: set in the
-- same transaction that queues the capture, so one link never has two checks at once.

CREATE TABLE watches (
    link_id INTEGER PRIMARY KEY REFERENCES links (id) ON DELETE CASCADE,
    period TEXT NOT NULL CHECK (period IN ('off', 'hourly', 'daily', 'weekly', 'monthly')),
    source TEXT NOT NULL DEFAULT 'link',
    next_due_at TEXT,
    snapshot_id INTEGER,
    failures INTEGER NOT NULL DEFAULT 0,
    last_checked_at TEXT,
    last_outcome TEXT,
    last_reason TEXT
);
CREATE INDEX ix_watches_due ON watches (next_due_at) WHERE snapshot_id IS NULL AND period <> 'off';
CREATE INDEX ix_watches_in_flight ON watches (snapshot_id) WHERE snapshot_id IS NOT NULL;
CREATE INDEX ix_watches_source ON watches (source);

-- A whole tag watched: links carrying the tag (or a child tag) get a watches row with source = key.
CREATE TABLE tag_watches (
    tag_key TEXT PRIMARY KEY,
    tag_name TEXT NOT NULL,
    period TEXT NOT NULL CHECK (period IN ('hourly', 'daily', 'weekly', 'monthly'))
) WITHOUT ROWID;

-- Every finished check, a few dozen bytes: unchanged and failed checks keep no snapshot (their
-- capture is deleted), a changed one points at the version it kept.
CREATE TABLE watch_checks (
    id INTEGER PRIMARY KEY,
    link_id INTEGER NOT NULL REFERENCES links (id) ON DELETE CASCADE,
    checked_at TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('unchanged', 'changed', 'failed')),
    reason TEXT,
    snapshot_id INTEGER
);
CREATE INDEX ix_watch_checks_link ON watch_checks (link_id, id);
CREATE INDEX ix_watch_checks_changed ON watch_checks (id) WHERE outcome = 'changed';

-- Set when a check kept a changed version, cleared when the person opens the link: the library's
-- "changed since I last looked" filter and badge.
ALTER TABLE links ADD COLUMN changed_at TEXT;
CREATE INDEX ix_links_changed ON links (changed_at, id) WHERE changed_at IS NOT NULL;
