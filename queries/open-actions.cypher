// Open actions for a person or an organisation (or all open actions), oldest first.
// params: person (string, optional), organisation (string, optional), limit (integer, default 500)
// returns: owner, owner_kind, action, date, body, meeting
// dates: a meeting's date (ISO), else the year its minutes imply (date_inferred); its year is that date's year, an integer
// For a person, their own actions; for an organisation, its own and those of its people (affiliated with it);
// none when both are given; for all, meetings are taken by date and their actions read through the index on `meeting`, so
// the query stops once `limit` rows are found.
CALL {
  UNWIND CASE WHEN $person IS NULL AND $organisation IS NULL THEN [1] ELSE [] END AS everyone
  MATCH (m:Meeting)
  WITH coalesce(m.date, m.date_inferred) AS date, collect(m) AS meetings
  ORDER BY date
  CALL {
    WITH meetings
    UNWIND meetings AS m
    MATCH (a:Action)
    WHERE a.meeting = m.id AND coalesce(a.status, 'open') = 'open'
    MATCH (a)-[:ASSIGNED_TO]->(owner)
    RETURN a, owner, m
    ORDER BY owner.name, a.text
  }
  WITH a, owner, m
  LIMIT $limit
  RETURN a, owner, m
  UNION
  UNWIND CASE WHEN $person IS NOT NULL AND $organisation IS NULL THEN [1] ELSE [] END AS person
  MATCH (owner:Person)
  WHERE owner.id = $person OR toLower(owner.name) CONTAINS toLower($person)
     OR any(x IN coalesce(owner.aliases, []) WHERE toLower(x) CONTAINS toLower($person))
  MATCH (a:Action)-[:ASSIGNED_TO]->(owner)
  WHERE coalesce(a.status, 'open') = 'open'
  OPTIONAL MATCH (m:Meeting {id: a.meeting})
  RETURN a, owner, m
  UNION
  UNWIND CASE WHEN $organisation IS NOT NULL AND $person IS NULL THEN [1] ELSE [] END AS organisation
  MATCH (o:Organisation)
  WHERE o.id = $organisation OR toLower(o.name) CONTAINS toLower($organisation)
     OR any(x IN coalesce(o.aliases, []) WHERE toLower(x) CONTAINS toLower($organisation))
  OPTIONAL MATCH (p:Person)-[:AFFILIATED_WITH]->(o)
  WITH o, collect(DISTINCT p) AS people
  UNWIND [o] + people AS owner
  MATCH (a:Action)-[:ASSIGNED_TO]->(owner)
  WHERE coalesce(a.status, 'open') = 'open'
  OPTIONAL MATCH (m:Meeting {id: a.meeting})
  RETURN DISTINCT a, owner, m
}
RETURN owner.name AS owner, owner.label AS owner_kind, a.text AS action,
       coalesce(m.date, m.date_inferred) AS date, m.body AS body, m.name AS meeting
ORDER BY date, owner, action
LIMIT $limit
