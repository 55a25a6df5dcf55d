// Which organisations work together: pairs represented at the same meetings, strongest first, optionally for a range of years.
// params: year_from (year, optional), year_to (year, optional), limit (integer, default 25)
// returns: organisation_a, organisation_b, meetings, first_year, last_year
MATCH (p:Person)-[at:ATTENDED]->(m:Meeting), (p)-[af:AFFILIATED_WITH]->(o:Organisation)
WHERE af.document = at.document
WITH DISTINCT m, o
MATCH (q:Person)-[at2:ATTENDED]->(m), (q)-[af2:AFFILIATED_WITH]->(o2:Organisation)
WHERE af2.document = at2.document AND o.id < o2.id
WITH DISTINCT m, o, o2, substring(coalesce(m.date, m.date_inferred), 0, 4) AS year
WHERE ($year_from IS NULL OR year >= $year_from) AND ($year_to IS NULL OR year <= $year_to)
RETURN o.name AS organisation_a, o2.name AS organisation_b, count(m) AS meetings,
       min(year) AS first_year, max(year) AS last_year
ORDER BY meetings DESC, organisation_a, organisation_b
LIMIT $limit
