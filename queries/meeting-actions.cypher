// Every action of a meeting (by id, ISO date, or part of its name), with who owns it.
// params: meeting (string)
// returns: meeting, date, action, owners, status
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
WITH m
MATCH (a:Action)
WHERE a.meeting = m.id
OPTIONAL MATCH (a)-[:ASSIGNED_TO]->(o)
WITH m, a, o
ORDER BY o.name
RETURN m.name AS meeting, coalesce(m.date, m.date_inferred) AS date, a.text AS action,
       collect(o.name) AS owners, coalesce(a.status, 'open') AS status
ORDER BY date, meeting, action
