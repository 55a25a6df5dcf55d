// New faces per year: people by the year they first attended or sent apologies.
// params: year (year, optional), limit (integer, default 500)
// returns: year, person, organisations
// dates: a meeting's date (ISO), else the year its minutes imply (date_inferred); its year is that date's year, an integer
// Years are taken in order, and the people at each year's meetings in name order, each kept if their
// earliest meeting is in that year; the first `limit` rows are kept.
MATCH (m:Meeting)
WITH toInteger(substring(coalesce(m.date, m.date_inferred), 0, 4)) AS year, collect(m) AS meetings
WHERE year IS NOT NULL AND ($year IS NULL OR year = $year)
WITH year, meetings
ORDER BY year
CALL {
  WITH meetings
  UNWIND meetings AS m
  MATCH (p:Person)-[:ATTENDED|SENT_APOLOGIES]->(m)
  RETURN DISTINCT p
  ORDER BY p.name
}
CALL {
  WITH year, p
  MATCH (p)-[:ATTENDED|SENT_APOLOGIES]->(seen:Meeting)
  WITH year, min(toInteger(substring(coalesce(seen.date, seen.date_inferred), 0, 4))) AS first_year
  WHERE first_year = year
  RETURN first_year
}
OPTIONAL MATCH (p)-[:AFFILIATED_WITH]->(o:Organisation)
WITH year, p, o
ORDER BY o.name
RETURN year, p.name AS person, collect(DISTINCT o.name) AS organisations
ORDER BY year, person
LIMIT $limit
