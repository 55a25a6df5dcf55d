// Who has held a post, and when (e.g. the Community Safety Manager of a council over the years).
// params: role (string), organisation (string, optional)
// returns: person, role, organisation, first_seen, last_seen, meetings
// meetings: the minutes that name the person in the post.
// dates: a meeting's date (ISO), else the year its minutes imply (date_inferred); its year is that date's year, an integer
MATCH (p:Person)-[h:HOLDS]->(r:Role)
WHERE r.id = $role OR toLower(r.name) CONTAINS toLower($role)
OPTIONAL MATCH (r)-[:ROLE_AT]->(o:Organisation)
WITH p, r, o, h
WHERE $organisation IS NULL
   OR o.id = $organisation OR toLower(o.name) CONTAINS toLower($organisation)
   OR any(a IN coalesce(o.aliases, []) WHERE toLower(a) CONTAINS toLower($organisation))
OPTIONAL MATCH (hm:Meeting {document: h.document})
WITH p, r, o, h, coalesce(h.first_seen, hm.date, hm.date_inferred) AS seen_from,
     coalesce(h.last_seen, hm.date, hm.date_inferred) AS seen_to
RETURN p.name AS person, r.name AS role, o.name AS organisation,
       min(seen_from) AS first_seen, max(seen_to) AS last_seen, count(DISTINCT h.document) AS meetings
ORDER BY first_seen, last_seen, person, role, organisation
