// Every post at an organisation and who held it, in date order (the organisation's chart over time).
// params: organisation (string)
// returns: organisation, role, person, first_seen, last_seen
// dates: a meeting's date (ISO), else the year its minutes imply (date_inferred); its year is that date's year, an integer
MATCH (o:Organisation)<-[:ROLE_AT]-(r:Role)<-[h:HOLDS]-(p:Person)
WHERE o.id = $organisation OR toLower(o.name) CONTAINS toLower($organisation)
   OR any(x IN coalesce(o.aliases, []) WHERE toLower(x) CONTAINS toLower($organisation))
OPTIONAL MATCH (hm:Meeting {document: h.document})
WITH p, r, o, coalesce(h.first_seen, hm.date, hm.date_inferred) AS seen_from,
     coalesce(h.last_seen, hm.date, hm.date_inferred) AS seen_to
RETURN o.name AS organisation, r.name AS role, p.name AS person,
       min(seen_from) AS first_seen, max(seen_to) AS last_seen
ORDER BY organisation, role, first_seen, person
