// A person's record: meetings attended, apologies sent, items presented, actions owned, posts and organisations, in date order.
// params: person (string)
// returns: person, date, what, detail, body
// dates: a meeting's date (ISO), else the year its minutes imply (date_inferred); its year is that date's year, an integer
MATCH (p:Person)
WHERE p.id = $person OR toLower(p.name) CONTAINS toLower($person)
   OR any(a IN coalesce(p.aliases, []) WHERE toLower(a) CONTAINS toLower($person))
CALL {
  WITH p
  MATCH (p)-[:ATTENDED]->(m:Meeting)
  RETURN coalesce(m.date, m.date_inferred) AS date, 'attended' AS what, m.name AS detail, m.body AS body
  UNION
  WITH p
  MATCH (p)-[:SENT_APOLOGIES]->(m:Meeting)
  RETURN coalesce(m.date, m.date_inferred) AS date, 'sent apologies' AS what, m.name AS detail, m.body AS body
  UNION
  WITH p
  MATCH (p)-[:PRESENTED]->(i:AgendaItem)<-[:HAS_ITEM]-(m:Meeting)
  RETURN coalesce(m.date, m.date_inferred) AS date, 'presented' AS what, i.title AS detail, m.body AS body
  UNION
  WITH p
  MATCH (p)<-[:ASSIGNED_TO]-(a:Action)
  OPTIONAL MATCH (m:Meeting {id: a.meeting})
  RETURN coalesce(m.date, m.date_inferred) AS date, 'action (' + coalesce(a.status, 'open') + ')' AS what,
         a.text AS detail, m.body AS body
  UNION
  WITH p
  MATCH (p)-[h:HOLDS]->(r:Role)
  OPTIONAL MATCH (r)-[:ROLE_AT]->(o:Organisation)
  OPTIONAL MATCH (hm:Meeting {document: h.document})
  WITH r, o, min(coalesce(h.first_seen, hm.date, hm.date_inferred)) AS first_seen,
       max(coalesce(h.last_seen, hm.date, hm.date_inferred)) AS last_seen
  RETURN first_seen AS date, 'holds post' AS what,
         r.name + coalesce(' at ' + o.name, '') + ' (last seen ' + coalesce(last_seen, '?') + ')' AS detail,
         null AS body
  UNION
  WITH p
  MATCH (p)-[f:AFFILIATED_WITH]->(o:Organisation)
  OPTIONAL MATCH (fm:Meeting {document: f.document})
  WITH o, min(coalesce(f.first_seen, fm.date, fm.date_inferred)) AS first_seen,
       max(coalesce(f.last_seen, fm.date, fm.date_inferred)) AS last_seen
  RETURN first_seen AS date, 'with organisation' AS what,
         o.name + ' (last seen ' + coalesce(last_seen, '?') + ')' AS detail, null AS body
}
RETURN p.name AS person, date, what, detail, body
ORDER BY person, date, what, detail
