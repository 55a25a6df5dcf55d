// People who changed organisation: everyone seen with different organisations at different times, with when.
// params: person (string, optional), limit (integer, default 500)
// returns: person, organisation, first_seen, last_seen
// dates: a meeting's date (ISO), else the year its minutes imply (date_inferred); its year is that date's year, an integer
// Only people seen in two or more are looked at; each one's spells are worked out on their own; the first `limit` rows in the order returned are kept
// (FalkorDB 4.16 applied a LIMIT between the subquery and the RETURN to the people, not the rows). A meeting's date is looked
// up only for a statement that does not carry its own.
MATCH (p:Person)-[:AFFILIATED_WITH]->(held:Organisation)
WHERE $person IS NULL OR p.id = $person OR toLower(p.name) CONTAINS toLower($person)
   OR any(x IN coalesce(p.aliases, []) WHERE toLower(x) CONTAINS toLower($person))
WITH p, count(DISTINCT held) AS seen_in
WHERE seen_in > 1
CALL {
  WITH p
  MATCH (p)-[f:AFFILIATED_WITH]->(o:Organisation)
  OPTIONAL MATCH (hm:Meeting {document: f.document})
  WHERE f.first_seen IS NULL OR f.last_seen IS NULL
  WITH o, min(coalesce(f.first_seen, hm.date, hm.date_inferred)) AS first_seen,
       max(coalesce(f.last_seen, hm.date, hm.date_inferred)) AS last_seen
  WITH collect({organisation: o.name, first_seen: first_seen, last_seen: last_seen}) AS spells
  WITH spells, [s IN spells WHERE s.first_seen IS NOT NULL] AS dated
  WHERE size(spells) > 1 AND any(s IN dated WHERE s.first_seen <> dated[0].first_seen)
  UNWIND spells AS s
  RETURN s
  ORDER BY s.first_seen, s.organisation
}
RETURN p.name AS person, s.organisation AS organisation, s.first_seen AS first_seen, s.last_seen AS last_seen
ORDER BY person, first_seen, organisation
LIMIT $limit
