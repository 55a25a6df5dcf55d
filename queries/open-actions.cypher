// Open actions for a person or an organisation (or all open actions), oldest first.
// params: person (string, optional), organisation (string, optional), limit (integer, default 500)
// returns: owner, owner_kind, action, date, body, meeting
MATCH (a:Action)-[:ASSIGNED_TO]->(owner)
WHERE coalesce(a.status, 'open') = 'open'
  AND ($person IS NULL OR (owner.label = 'Person'
       AND (toLower(owner.name) CONTAINS toLower($person)
            OR any(x IN coalesce(owner.aliases, []) WHERE toLower(x) CONTAINS toLower($person)))))
  AND ($organisation IS NULL OR (owner.label = 'Organisation'
       AND (toLower(owner.name) CONTAINS toLower($organisation)
            OR any(x IN coalesce(owner.aliases, []) WHERE toLower(x) CONTAINS toLower($organisation)))))
OPTIONAL MATCH (m:Meeting {id: a.meeting})
RETURN owner.name AS owner, owner.label AS owner_kind, a.text AS action,
       coalesce(m.date, m.date_inferred) AS date, m.body AS body, m.name AS meeting
ORDER BY date, owner, action
LIMIT $limit
