-- The library's default view is every link that is not archived (decision 042). Its total is the whole
-- library's count less the archived links', which this partial index counts without reading the table.
CREATE INDEX IF NOT EXISTS links_archived ON links(id) WHERE is_archived = 1;
