// Meetings where an organisation sent apologies (itself or through its people) or sent a substitute.
// params: organisation (string)
// returns: date, body, meeting, organisation, what, who
// dates: a meeting's date (ISO), else the year its minutes imply (date_inferred); its year is that date's year, an integer
// Everything starts from the organisation's own people (AFFILIATED_WITH), whose apologies and
// substitutions stated in the same minutes count for it. (`toString(r.document)`: compared as is, FalkorDB
// answers the join with one lookup in the index on `document` per row, far slower than following the
// person's few relationships.)
MATCH (o:Organisation)
WHERE o.id = $organisation OR toLower(o.name) CONTAINS toLower($organisation)
   OR any(x IN coalesce(o.aliases, []) WHERE toLower(x) CONTAINS toLower($organisation))
CALL {
  WITH o
  MATCH (o)-[:SENT_APOLOGIES]->(m:Meeting)
  RETURN m, 'apologies' AS what, o.name AS who
  UNION
  WITH o
  MATCH (p:Person)-[f:AFFILIATED_WITH]->(o)
  MATCH (p)-[ap:SENT_APOLOGIES]->(m:Meeting)
  WHERE toString(ap.document) = f.document
  RETURN m, 'apologies' AS what, p.name AS who
  UNION
  WITH o
  MATCH (p:Person)-[f:AFFILIATED_WITH]->(o)
  MATCH (p)-[s:SUBSTITUTED_FOR]-(:Person)
  WHERE toString(s.document) = f.document
  WITH startNode(s) AS sub, endNode(s) AS absent, s.meeting AS meeting
  MATCH (m:Meeting {id: meeting})
  RETURN DISTINCT m, 'substitute' AS what, sub.name + ' for ' + absent.name AS who
}
RETURN coalesce(m.date, m.date_inferred) AS date, m.body AS body, m.name AS meeting, o.name AS organisation,
       what, who
ORDER BY date, meeting, organisation, what, who
