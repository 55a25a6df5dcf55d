// New faces per year: people by the year they first attended or sent apologies.
// params: year (year, optional), limit (integer, default 500)
// returns: year, person, organisations
// dates: a meeting's date (ISO), else the year its minutes imply (date_inferred); its year is that date's year, an integer
// Each person's first year is worked out once, over their meetings; the first `limit` people in year and
// name order are kept before their organisations are looked up.
MATCH (p:Person)-[:ATTENDED|SENT_APOLOGIES]->(m:Meeting)
WITH p, min(toInteger(substring(coalesce(m.date, m.date_inferred), 0, 4))) AS year
WHERE year IS NOT NULL AND ($year IS NULL OR year = $year)
WITH year, p
ORDER BY year, p.name
LIMIT $limit
OPTIONAL MATCH (p)-[:AFFILIATED_WITH]->(o:Organisation)
WITH year, p, o
ORDER BY o.name
RETURN year, p.name AS person, collect(DISTINCT o.name) AS organisations
ORDER BY year, person
LIMIT $limit
