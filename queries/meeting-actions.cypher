// Every action of a meeting (by id, ISO date, or part of its name), with who owns it.
// params: meeting (string)
// returns: meeting, date, action, owners, status
MATCH (m:Meeting)
WHERE m.id = $meeting OR m.date = $meeting OR toLower(m.name) CONTAINS toLower($meeting)
MATCH (a:Action)
WHERE a.meeting = m.id
OPTIONAL MATCH (a)-[:ASSIGNED_TO]->(o)
WITH m, a, o
ORDER BY o.name
RETURN m.name AS meeting, coalesce(m.date, m.date_inferred) AS date, a.text AS action,
       collect(o.name) AS owners, coalesce(a.status, 'open') AS status
ORDER BY date, meeting, action
