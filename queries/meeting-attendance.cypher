// Who was at a meeting (by id, ISO date, or part of its name): present, apologies, and substitutes.
// params: meeting (string)
// returns: date, meeting, status, who, role, organisation
MATCH (m:Meeting)
WHERE m.id = $meeting OR m.date = $meeting OR toLower(m.name) CONTAINS toLower($meeting)
CALL {
  WITH m
  MATCH (p:Person)-[a:ATTENDED]->(m)
  RETURN 'present' AS status, p.name AS who, a.role AS role, a.organisation AS organisation
  UNION
  WITH m
  MATCH (x)-[:SENT_APOLOGIES]->(m)
  RETURN 'apologies' AS status, x.name AS who, null AS role, null AS organisation
  UNION
  WITH m
  MATCH (sub:Person)-[s:SUBSTITUTED_FOR]->(absent:Person)
  WHERE s.meeting = m.id
  RETURN 'substitute' AS status, sub.name AS who, 'for ' + absent.name AS role, null AS organisation
}
RETURN coalesce(m.date, m.date_inferred) AS date, m.name AS meeting, status, who, role, organisation
ORDER BY date, meeting, status, who
