-- The default tags (issue 17 item 5): given to captures that ask for them (the keyboard shortcut, the
-- context menu, `useDefaultTags`). Kept by the daemon rather than in each browser's extension storage so
-- that renaming or merging a tag in the library updates them too (DefaultTagStore.FollowTagMerge).
CREATE TABLE default_tags (
    tag_key TEXT PRIMARY KEY,
    tag_name TEXT NOT NULL,
    position INTEGER NOT NULL
) WITHOUT ROWID;
