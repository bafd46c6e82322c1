-- 002 kept links.latest_status right for the order the store writes in (snapshot first, then the
-- link's pointer). Rows can also arrive the other way round — a link inserted already pointing at
-- its snapshot, as bulk imports and seeded test stores do — so keep it right on inserts as well.

CREATE TRIGGER links_latest_status_on_link_insert AFTER INSERT ON links
WHEN NEW.latest_snapshot_id IS NOT NULL
BEGIN
    UPDATE links SET latest_status = (SELECT status FROM snapshots WHERE id = NEW.latest_snapshot_id) WHERE id = NEW.id;
END;

CREATE TRIGGER links_latest_status_on_snapshot_insert AFTER INSERT ON snapshots
BEGIN
    UPDATE links SET latest_status = NEW.status WHERE latest_snapshot_id = NEW.id;
END;

UPDATE links SET latest_status = (SELECT status FROM snapshots WHERE snapshots.id = links.latest_snapshot_id)
WHERE latest_status IS NOT (SELECT status FROM snapshots WHERE snapshots.id = links.latest_snapshot_id);
