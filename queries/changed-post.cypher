// People who changed post: everyone seen in different posts at different times, with when.
// params: person (string, optional), limit (integer, default 500)
// returns: person, role, organisation, first_seen, last_seen
// dates: a meeting's date (ISO), else the year its minutes imply (date_inferred); its year is that date's year, an integer
// Only people seen in two or more are looked at; each one's posts are worked out on their own; the first `limit` rows in the order returned are kept
// (FalkorDB 4.16 applied a LIMIT between the subquery and the RETURN to the people, not the rows). A meeting's date is looked
// up only for a statement that does not carry its own.
MATCH (p:Person)-[:HOLDS]->(held:Role)
WHERE $person IS NULL OR p.id = $person OR toLower(p.name) CONTAINS toLower($person)
   OR any(x IN coalesce(p.aliases, []) WHERE toLower(x) CONTAINS toLower($person))
WITH p, count(DISTINCT held) AS seen_in
WHERE seen_in > 1
CALL {
  WITH p
  MATCH (p)-[h:HOLDS]->(r:Role)
  OPTIONAL MATCH (hm:Meeting {document: h.document})
  WHERE h.first_seen IS NULL OR h.last_seen IS NULL
  WITH r, min(coalesce(h.first_seen, hm.date, hm.date_inferred)) AS first_seen,
       max(coalesce(h.last_seen, hm.date, hm.date_inferred)) AS last_seen
  OPTIONAL MATCH (r)-[:ROLE_AT]->(o:Organisation)
  WITH DISTINCT r, o, first_seen, last_seen
  WITH collect({role: r.name, organisation: o.name, first_seen: first_seen, last_seen: last_seen}) AS posts
  WITH posts, [s IN posts WHERE s.first_seen IS NOT NULL] AS dated
  WHERE size(posts) > 1 AND any(s IN dated WHERE s.first_seen <> dated[0].first_seen)
  UNWIND posts AS s
  RETURN s
  ORDER BY s.first_seen, s.role, s.organisation
}
RETURN p.name AS person, s.role AS role, s.organisation AS organisation, s.first_seen AS first_seen,
       s.last_seen AS last_seen
ORDER BY person, first_seen, role, organisation
LIMIT $limit
