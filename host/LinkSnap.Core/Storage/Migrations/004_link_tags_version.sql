-- A counter that every change to link_tags moves on, so that a process can keep link ids per tag in
-- memory (TagLinkSets) and know, with one lookup, when they are out of date — whoever wrote the change.
-- Foreign-key cascades (a deleted link or tag) fire these triggers too.

CREATE TABLE change_counters (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO change_counters (name, value) VALUES ('link_tags', 0);

CREATE TRIGGER link_tags_changed_on_insert AFTER INSERT ON link_tags
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'link_tags';
END;

CREATE TRIGGER link_tags_changed_on_update AFTER UPDATE ON link_tags
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'link_tags';
END;

CREATE TRIGGER link_tags_changed_on_delete AFTER DELETE ON link_tags
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'link_tags';
END;
