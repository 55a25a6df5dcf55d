// Everything said or decided about a strategy, plan or programme, in date order.
// params: strategy (string)
// returns: strategy, date, body, kind, verb, what
// dates: a meeting's date (ISO), else the year its minutes imply (date_inferred); its year is that date's year, an integer
MATCH (s:Strategy)
WHERE s.id = $strategy OR toLower(s.name) CONTAINS toLower($strategy)
   OR any(x IN coalesce(s.aliases, []) WHERE toLower(x) CONTAINS toLower($strategy))
MATCH (x)-[c:CONCERNS|MENTIONS]->(s)
OPTIONAL MATCH (m:Meeting {id: x.meeting})
RETURN s.name AS strategy, coalesce(m.date, m.date_inferred) AS date, m.body AS body, x.label AS kind,
       coalesce(c.verb, CASE type(c) WHEN 'MENTIONS' THEN 'mentioned' ELSE 'discussed' END) AS verb,
       coalesce(x.title, x.text, x.name) AS what
ORDER BY date, strategy, kind, what, verb
