// People who changed organisation: everyone seen with different organisations at different times, with when.
// params: person (string, optional), limit (integer, default 500)
// returns: person, organisation, first_seen, last_seen
MATCH (p:Person)-[f:AFFILIATED_WITH]->(o:Organisation)
WHERE $person IS NULL OR toLower(p.name) CONTAINS toLower($person)
   OR any(x IN coalesce(p.aliases, []) WHERE toLower(x) CONTAINS toLower($person))
OPTIONAL MATCH (hm:Meeting {document: f.document})
WITH p, o, coalesce(f.first_seen, hm.date, hm.date_inferred) AS seen_from,
     coalesce(f.last_seen, hm.date, hm.date_inferred) AS seen_to
WITH p, o, min(seen_from) AS first_seen, max(seen_to) AS last_seen
WITH p, collect({organisation: o.name, first_seen: first_seen, last_seen: last_seen}) AS spells
// Seen at different times: variants of one name in the same minutes are not a change.
WHERE size(spells) > 1 AND any(s IN spells WHERE s.first_seen <> spells[0].first_seen)
UNWIND spells AS s
RETURN p.name AS person, s.organisation AS organisation, s.first_seen AS first_seen, s.last_seen AS last_seen
ORDER BY person, first_seen, organisation
LIMIT $limit
