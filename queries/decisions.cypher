// What bodies decided: decisions with their verb and meeting, optionally of one body or year, or containing some words.
// params: body (string, optional), year (year, optional), text (string, optional), limit (integer, default 500)
// returns: date, body, meeting, verb, decision
MATCH (d:Decision)
OPTIONAL MATCH (m:Meeting {id: d.meeting})
WITH d, m, substring(coalesce(m.date, m.date_inferred), 0, 4) AS year
WHERE ($body IS NULL OR toLower(m.body) CONTAINS toLower($body))
  AND ($year IS NULL OR year = $year)
  AND ($text IS NULL OR toLower(d.text) CONTAINS toLower($text))
RETURN coalesce(m.date, m.date_inferred) AS date, m.body AS body, m.name AS meeting, d.verb AS verb,
       d.text AS decision
ORDER BY date, meeting, decision
LIMIT $limit
