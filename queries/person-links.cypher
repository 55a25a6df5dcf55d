// Who works with whom: the strongest person-person links (meetings attended together), optionally for one person or a range of years.
// params: person (string, optional), year_from (year, optional), year_to (year, optional), limit (integer, default 25)
// returns: person_a, person_b, meetings, first_year, last_year
// dates: a meeting's date (ISO), else the year its minutes imply (date_inferred); its year is that date's year, an integer
// Three branches, of which one runs (the others stop at their first line):
// - the whole archive: pairs from the counts the store keeps (DERIVED_CO_ATTENDED, graph/store/summaries.py),
//   reading only those at or above the `limit`-th strongest count through the index on `meetings`
//   (counts are tried from high to low; the first that `limit` pairs reach is the floor);
// - one person: that person's pairs from the same counts, each pair once, that person first unless both match;
// - a range of years: the meetings in it, counted from the attendance itself.
// (No comments inside CALL: FalkorDB 4.16 crashes on a comment as the first line of a subquery.)
CALL {
  UNWIND CASE WHEN $person IS NULL AND $year_from IS NULL AND $year_to IS NULL THEN [1] ELSE [] END AS whole
  UNWIND [100000, 30000, 10000, 3000, 1000, 500, 300, 200, 150, 100, 80, 60, 50, 40, 35, 30, 25,
          20, 18, 16, 14, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1] AS floor
  CALL {
    WITH floor
    MATCH ()-[c:DERIVED_CO_ATTENDED]->() WHERE c.meetings >= floor
    RETURN count(c) AS pairs
  }
  WITH floor, pairs WHERE pairs >= $limit OR floor = 1
  WITH floor LIMIT 1
  MATCH (a)-[c:DERIVED_CO_ATTENDED]->(b) WHERE c.meetings >= floor
  RETURN a.name AS person_a, b.name AS person_b, c.meetings AS meetings, c.first_year AS first_year,
         c.last_year AS last_year
  UNION
  UNWIND CASE WHEN $person IS NOT NULL AND $year_from IS NULL AND $year_to IS NULL THEN [1] ELSE [] END AS one
  MATCH (a:Person)
  WHERE a.id = $person OR toLower(a.name) CONTAINS toLower($person)
     OR any(x IN coalesce(a.aliases, []) WHERE toLower(x) CONTAINS toLower($person))
  MATCH (a)-[c:DERIVED_CO_ATTENDED]-(b:Person)
  WHERE a.id < b.id
     OR NOT (b.id = $person OR toLower(b.name) CONTAINS toLower($person)
             OR any(x IN coalesce(b.aliases, []) WHERE toLower(x) CONTAINS toLower($person)))
  RETURN a.name AS person_a, b.name AS person_b, c.meetings AS meetings, c.first_year AS first_year,
         c.last_year AS last_year
  UNION
  UNWIND CASE WHEN $year_from IS NOT NULL OR $year_to IS NOT NULL THEN [1] ELSE [] END AS ranged
  MATCH (a:Person)-[:ATTENDED]->(m:Meeting)
  WHERE $person IS NULL OR a.id = $person OR toLower(a.name) CONTAINS toLower($person)
     OR any(x IN coalesce(a.aliases, []) WHERE toLower(x) CONTAINS toLower($person))
  WITH a, m, toInteger(substring(coalesce(m.date, m.date_inferred), 0, 4)) AS year
  WHERE ($year_from IS NULL OR year >= $year_from) AND ($year_to IS NULL OR year <= $year_to)
  MATCH (m)<-[:ATTENDED]-(b:Person)
  WHERE a.id < b.id
     OR ($person IS NOT NULL AND a.id <> b.id
         AND NOT (b.id = $person OR toLower(b.name) CONTAINS toLower($person)
                  OR any(x IN coalesce(b.aliases, []) WHERE toLower(x) CONTAINS toLower($person))))
  RETURN a.name AS person_a, b.name AS person_b, count(DISTINCT m) AS meetings,
         min(year) AS first_year, max(year) AS last_year
}
RETURN person_a, person_b, meetings, first_year, last_year
ORDER BY meetings DESC, person_a, person_b
LIMIT $limit
