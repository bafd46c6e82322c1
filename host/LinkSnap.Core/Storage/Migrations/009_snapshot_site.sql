-- The background claim (LinkStore.ClaimNextJob) takes the oldest due job of a site that is neither running
-- nor resting. Finding it by walking the queue in id order cost one step per queued job of a blocked site, on
-- every claim: with one site and 100,000 queued import jobs that was quadratic (issue 14's import bench).
-- Each snapshot now carries its link's site (a link's URL never changes), set by a trigger so that every
-- insert path (captures, imports, reindex) keeps it, and the queued background jobs are indexed by site:
-- a claim visits each site with queued work once and reads its head.

ALTER TABLE snapshots ADD COLUMN site TEXT;

UPDATE snapshots SET site = (SELECT site FROM links WHERE links.id = snapshots.link_id);

CREATE TRIGGER snapshots_site_on_insert AFTER INSERT ON snapshots
BEGIN
    UPDATE snapshots SET site = (SELECT site FROM links WHERE id = NEW.link_id) WHERE id = NEW.id;
END;

CREATE INDEX ix_snapshots_background_queue ON snapshots (site, id) WHERE status = 'queued' AND job_class <> 'user';
