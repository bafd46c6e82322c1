-- Issue 17 item 13: the reader view remembers where the person stopped reading. One fraction per link
-- (0 = top, 1 = the end of the article), NULL until the reader view was first scrolled. A column on the
-- links row, because every card of a listing shows it as a bar and LinkRows.Columns already reads that row.
-- The CHECK is the store's last word on the range; the API refuses anything else first (decision 069).

ALTER TABLE links ADD COLUMN reading_progress REAL CHECK (reading_progress IS NULL OR (reading_progress >= 0 AND reading_progress <= 1));
