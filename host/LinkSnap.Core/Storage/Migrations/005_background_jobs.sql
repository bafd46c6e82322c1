-- Background work shares the persisted queue with captures a person asked for. job_class says who
-- asked ('user' first, then the background classes such as 'import'); not_before holds a failed
-- background capture back until its retry time; retries counts those retries (attempts keeps
-- counting interrupted runs); gone marks a page found missing (DNS failure, 404/410).

ALTER TABLE snapshots ADD COLUMN job_class TEXT NOT NULL DEFAULT 'user';
ALTER TABLE snapshots ADD COLUMN not_before TEXT;
ALTER TABLE snapshots ADD COLUMN retries INTEGER NOT NULL DEFAULT 0;
ALTER TABLE snapshots ADD COLUMN gone INTEGER NOT NULL DEFAULT 0;

CREATE INDEX ix_snapshots_queue ON snapshots (status, job_class, id);
