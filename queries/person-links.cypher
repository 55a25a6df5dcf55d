// Who works with whom: the strongest person-person links (meetings attended together), optionally for one person or a range of years.
// params: person (string, optional), year_from (year, optional), year_to (year, optional), limit (integer, default 25)
// returns: person_a, person_b, meetings, first_year, last_year
MATCH (a:Person)-[:ATTENDED]->(m:Meeting)
WHERE $person IS NULL OR toLower(a.name) CONTAINS toLower($person)
   OR any(x IN coalesce(a.aliases, []) WHERE toLower(x) CONTAINS toLower($person))
WITH a, m, substring(coalesce(m.date, m.date_inferred), 0, 4) AS year
WHERE ($year_from IS NULL OR year >= $year_from) AND ($year_to IS NULL OR year <= $year_to)
MATCH (m)<-[:ATTENDED]-(b:Person)
// Each pair once: ordered by id, unless only `a` is the person asked about.
WHERE a.id < b.id
   OR ($person IS NOT NULL AND a.id <> b.id
       AND NOT (toLower(b.name) CONTAINS toLower($person)
                OR any(x IN coalesce(b.aliases, []) WHERE toLower(x) CONTAINS toLower($person))))
RETURN a.name AS person_a, b.name AS person_b, count(DISTINCT m) AS meetings,
       min(year) AS first_year, max(year) AS last_year
ORDER BY meetings DESC, person_a, person_b
LIMIT $limit
