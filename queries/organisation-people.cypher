// The people of an organisation over time: who represented it, in which posts, first and last seen.
// params: organisation (string)
// returns: organisation, person, posts, first_seen, last_seen
// dates: a meeting's date (ISO), else the year its minutes imply (date_inferred); its year is that date's year, an integer
MATCH (o:Organisation)
WHERE o.id = $organisation OR toLower(o.name) CONTAINS toLower($organisation)
   OR any(x IN coalesce(o.aliases, []) WHERE toLower(x) CONTAINS toLower($organisation))
MATCH (p:Person)-[f:AFFILIATED_WITH]->(o)
OPTIONAL MATCH (hm:Meeting {document: f.document})
WITH p, o, coalesce(f.first_seen, hm.date, hm.date_inferred) AS seen_from,
     coalesce(f.last_seen, hm.date, hm.date_inferred) AS seen_to
WITH o, p, min(seen_from) AS first_seen, max(seen_to) AS last_seen
OPTIONAL MATCH (p)-[:HOLDS]->(r:Role)-[:ROLE_AT]->(o)
WITH o, p, first_seen, last_seen, r
ORDER BY r.name
RETURN o.name AS organisation, p.name AS person, collect(DISTINCT r.name) AS posts, first_seen, last_seen
ORDER BY organisation, first_seen, person
