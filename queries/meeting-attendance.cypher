// Who was at a meeting (by id, ISO date, or part of its name): present, apologies, and substitutes.
// params: meeting (string)
// returns: date, meeting, status, who, role, organisation
// dates: a meeting's date (ISO), else the year its minutes imply (date_inferred); its year is that date's year, an integer
// A meeting given by id or ISO date is looked up through the indexes; only when neither matches
// is it searched for by part of its name.
OPTIONAL MATCH (by_id:Meeting {id: $meeting})
OPTIONAL MATCH (by_date:Meeting {date: $meeting})
WITH [x IN collect(DISTINCT by_id) + collect(DISTINCT by_date) WHERE x IS NOT NULL] AS exact
CALL {
  WITH exact
  UNWIND exact AS m
  RETURN DISTINCT m
  UNION
  WITH exact
  WITH exact WHERE size(exact) = 0
  MATCH (m:Meeting)
  WHERE m.id = $meeting OR toLower(m.name) CONTAINS toLower($meeting)
  RETURN m
}
CALL {
  WITH m
  MATCH (p:Person)-[a:ATTENDED]->(m)
  // As stated for this meeting, else the post and organisation the same minutes give them.
  OPTIONAL MATCH (p)-[h:HOLDS]->(r:Role)
  WHERE toString(h.document) = a.document
  OPTIONAL MATCH (p)-[f:AFFILIATED_WITH]->(o:Organisation)
  WHERE toString(f.document) = a.document
  WITH p, a, r, o
  ORDER BY r.name, o.name
  WITH p, a, collect(DISTINCT r.name) AS roles, collect(DISTINCT o.name) AS orgs
  RETURN 'present' AS status, p.name AS who, coalesce(a.role, roles[0]) AS role,
         coalesce(a.organisation, orgs[0]) AS organisation
  UNION
  WITH m
  MATCH (x)-[:SENT_APOLOGIES]->(m)
  RETURN 'apologies' AS status, x.name AS who, null AS role, null AS organisation
  UNION
  WITH m
  MATCH (sub)-[s:SUBSTITUTED_FOR]->(absent)
  WHERE s.meeting = m.id
  RETURN 'substitute' AS status, sub.name AS who, 'for ' + absent.name AS role, null AS organisation
}
RETURN coalesce(m.date, m.date_inferred) AS date, m.name AS meeting, status, who, role, organisation
ORDER BY date, meeting, status, who
