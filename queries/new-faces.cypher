// New faces per year: people by the year they first attended or sent apologies.
// params: year (year, optional), limit (integer, default 500)
// returns: year, person, organisations
MATCH (p:Person)-[:ATTENDED|SENT_APOLOGIES]->(m:Meeting)
WITH p, min(substring(coalesce(m.date, m.date_inferred), 0, 4)) AS year
WHERE year IS NOT NULL AND ($year IS NULL OR year = $year)
OPTIONAL MATCH (p)-[:AFFILIATED_WITH]->(o:Organisation)
WITH year, p, o
ORDER BY o.name
RETURN year, p.name AS person, collect(DISTINCT o.name) AS organisations
ORDER BY year, person
LIMIT $limit
