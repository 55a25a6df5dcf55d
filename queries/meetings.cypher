// The meetings held, optionally of one body or year, with attendance and agenda size.
// params: body (string, optional), year (year, optional), limit (integer, default 500)
// returns: date, body, meeting, url, document, attendees, apologies, items
// dates: a meeting's date (ISO), else the year its minutes imply (date_inferred); its year is that date's year, an integer
// The minutes' address (url) where known, the file name (document) always. One row per meeting, ordered by the meeting's own properties: the first `limit` are picked
// before anything is counted.
MATCH (m:Meeting)
WHERE ($body IS NULL OR toLower(m.body) CONTAINS toLower($body))
  AND ($year IS NULL OR toInteger(substring(coalesce(m.date, m.date_inferred), 0, 4)) = $year)
WITH m, coalesce(m.date, m.date_inferred) AS date
ORDER BY date, m.body, m.name, m.document
LIMIT $limit
OPTIONAL MATCH (p:Person)-[:ATTENDED]->(m)
WITH m, date, count(DISTINCT p) AS attendees
OPTIONAL MATCH (x)-[:SENT_APOLOGIES]->(m)
WITH m, date, attendees, count(DISTINCT x) AS apologies
OPTIONAL MATCH (m)-[:HAS_ITEM]->(i:AgendaItem)
RETURN date, m.body AS body, m.name AS meeting, m.url AS url, m.document AS document,
       attendees, apologies, count(DISTINCT i) AS items
ORDER BY date, body, meeting, document
LIMIT $limit
