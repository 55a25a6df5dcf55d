// Which organisations work together: pairs represented at the same meetings, strongest first, optionally for a range of years.
// params: year_from (year, optional), year_to (year, optional), limit (integer, default 25)
// returns: organisation_a, organisation_b, meetings, first_year, last_year
MATCH (m:Meeting)
WITH m, substring(coalesce(m.date, m.date_inferred), 0, 4) AS year
WHERE ($year_from IS NULL OR year >= $year_from) AND ($year_to IS NULL OR year <= $year_to)
// Represented: someone attended and, in the same minutes, is named with the organisation.
MATCH (p:Person)-[at:ATTENDED]->(m), (p)-[af:AFFILIATED_WITH]->(o:Organisation)
WHERE af.document = at.document
WITH m, year, collect(DISTINCT o) AS orgs
UNWIND orgs AS o1
UNWIND orgs AS o2
WITH m, year, o1, o2
WHERE o1.id < o2.id
RETURN o1.name AS organisation_a, o2.name AS organisation_b, count(m) AS meetings,
       min(year) AS first_year, max(year) AS last_year
ORDER BY meetings DESC, organisation_a, organisation_b
LIMIT $limit
