// New faces per year: people by the year they first attended or sent apologies.
// params: year (year, optional), limit (integer, default 500)
// returns: year, person, organisations
// dates: a meeting's date (ISO), else the year its minutes imply (date_inferred); its year is that date's year, an integer
// Each person's first year is the store's (DERIVED_FIRST_YEAR, graph/store/summaries.py: the earliest year of
// the meetings they attended or sent apologies to); the first `limit` people in year and name order are
// kept before their organisations are looked up.
MATCH (p:Person)-[f:DERIVED_FIRST_YEAR]->(p)
WHERE $year IS NULL OR f.year = $year
WITH f.year AS year, p
ORDER BY year, p.name
LIMIT $limit
OPTIONAL MATCH (p)-[:AFFILIATED_WITH]->(o:Organisation)
WITH year, p, o
ORDER BY o.name
RETURN year, p.name AS person, collect(DISTINCT o.name) AS organisations
ORDER BY year, person
LIMIT $limit
