// People who changed post: everyone seen in different posts at different times, with when.
// params: person (string, optional), limit (integer, default 500)
// returns: person, role, organisation, first_seen, last_seen
MATCH (p:Person)-[h:HOLDS]->(r:Role)
WHERE $person IS NULL OR toLower(p.name) CONTAINS toLower($person)
   OR any(x IN coalesce(p.aliases, []) WHERE toLower(x) CONTAINS toLower($person))
OPTIONAL MATCH (r)-[:ROLE_AT]->(o:Organisation)
OPTIONAL MATCH (hm:Meeting {document: h.document})
WITH p, r, o, coalesce(h.first_seen, hm.date, hm.date_inferred) AS seen_from,
     coalesce(h.last_seen, hm.date, hm.date_inferred) AS seen_to
WITH p, r, o, min(seen_from) AS first_seen, max(seen_to) AS last_seen
WITH p, collect({role: r.name, organisation: o.name, first_seen: first_seen, last_seen: last_seen}) AS posts
// Seen at different times: variants of one name in the same minutes are not a change.
WHERE size(posts) > 1 AND any(s IN posts WHERE s.first_seen <> posts[0].first_seen)
UNWIND posts AS s
RETURN p.name AS person, s.role AS role, s.organisation AS organisation, s.first_seen AS first_seen,
       s.last_seen AS last_seen
ORDER BY person, first_seen, role, organisation
LIMIT $limit
