// What bodies decided: decisions with their verb and meeting, optionally of one body or year, or containing some words.
// params: body (string, optional), year (year, optional), text (string, optional), limit (integer, default 500)
// returns: date, body, meeting, verb, decision
// dates: a meeting's date (ISO), else the year its minutes imply (date_inferred); its year is that date's year, an integer
// Meetings are taken in date order (those sharing a date and name together) and their decisions
// read through the index on `meeting`; the first `limit` rows are kept.
MATCH (m:Meeting)
WHERE ($body IS NULL OR toLower(m.body) CONTAINS toLower($body))
  AND ($year IS NULL OR toInteger(substring(coalesce(m.date, m.date_inferred), 0, 4)) = $year)
WITH coalesce(m.date, m.date_inferred) AS date, m.name AS name, collect(m) AS meetings
ORDER BY date, name
CALL {
  WITH meetings
  UNWIND meetings AS m
  MATCH (d:Decision)
  WHERE d.meeting = m.id AND ($text IS NULL OR toLower(d.text) CONTAINS toLower($text))
  RETURN m, d
  ORDER BY d.text
}
RETURN date, m.body AS body, m.name AS meeting, d.verb AS verb, d.text AS decision
ORDER BY date, meeting, decision
LIMIT $limit
