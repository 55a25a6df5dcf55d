// People who changed organisation: everyone seen with different organisations at different times, with when.
// params: person (string, optional), limit (integer, default 500)
// returns: person, organisation, first_seen, last_seen
// People are taken in name order and each one's spells worked out on its own, so the query stops
// once `limit` rows are found instead of working out everyone's first. A meeting's date is looked
// up only for a statement that does not carry its own.
MATCH (p:Person)
WHERE $person IS NULL OR toLower(p.name) CONTAINS toLower($person)
   OR any(x IN coalesce(p.aliases, []) WHERE toLower(x) CONTAINS toLower($person))
WITH p
ORDER BY p.name, p.id
CALL {
  WITH p
  MATCH (p)-[f:AFFILIATED_WITH]->(o:Organisation)
  OPTIONAL MATCH (hm:Meeting {document: f.document})
  WHERE f.first_seen IS NULL OR f.last_seen IS NULL
  WITH o, min(coalesce(f.first_seen, hm.date, hm.date_inferred)) AS first_seen,
       max(coalesce(f.last_seen, hm.date, hm.date_inferred)) AS last_seen
  WITH collect({organisation: o.name, first_seen: first_seen, last_seen: last_seen}) AS spells
  WHERE size(spells) > 1 AND any(s IN spells WHERE s.first_seen <> spells[0].first_seen)
  UNWIND spells AS s
  RETURN s
  ORDER BY s.first_seen, s.organisation
}
WITH p, s
LIMIT $limit
RETURN p.name AS person, s.organisation AS organisation, s.first_seen AS first_seen, s.last_seen AS last_seen
ORDER BY person, first_seen, organisation
