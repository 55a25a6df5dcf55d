// Which organisations attend each year: meetings at which someone represented them, and how many of their people came.
// params: year (year, optional), body (string, optional)
// returns: year, organisation, meetings, people
MATCH (p:Person)-[at:ATTENDED]->(m:Meeting), (p)-[af:AFFILIATED_WITH]->(o:Organisation)
WHERE af.document = at.document
  AND ($body IS NULL OR toLower(m.body) CONTAINS toLower($body))
WITH o, m, p, substring(coalesce(m.date, m.date_inferred), 0, 4) AS year
WHERE year IS NOT NULL AND ($year IS NULL OR year = $year)
RETURN year, o.name AS organisation, count(DISTINCT m) AS meetings, count(DISTINCT p) AS people
ORDER BY year, meetings DESC, organisation
