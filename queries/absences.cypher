// Meetings where an organisation sent apologies (itself or through its people) or sent a substitute.
// params: organisation (string)
// returns: date, body, meeting, organisation, what, who
MATCH (o:Organisation)
WHERE toLower(o.name) CONTAINS toLower($organisation)
   OR any(x IN coalesce(o.aliases, []) WHERE toLower(x) CONTAINS toLower($organisation))
CALL {
  WITH o
  MATCH (o)-[:SENT_APOLOGIES]->(m:Meeting)
  RETURN m, 'apologies' AS what, o.name AS who
  UNION
  WITH o
  MATCH (p:Person)-[ap:SENT_APOLOGIES]->(m:Meeting), (p)-[f:AFFILIATED_WITH]->(o)
  WHERE f.document = ap.document
  RETURN m, 'apologies' AS what, p.name AS who
  UNION
  WITH o
  MATCH (sub:Person)-[s:SUBSTITUTED_FOR]->(absent:Person), (m:Meeting {id: s.meeting})
  MATCH (p:Person)-[f:AFFILIATED_WITH]->(o)
  WHERE (p = sub OR p = absent) AND f.document = s.document
  RETURN DISTINCT m, 'substitute' AS what, sub.name + ' for ' + absent.name AS who
}
RETURN coalesce(m.date, m.date_inferred) AS date, m.body AS body, m.name AS meeting, o.name AS organisation,
       what, who
ORDER BY date, meeting, organisation, what, who
