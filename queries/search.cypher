// Find people and organisations by part of a name or alias (case-insensitive).
// params: q (string)
// returns: kind, name, aliases, id
MATCH (n)
WHERE n.label IN ['Person', 'Organisation']
  AND (n.id = $q OR toLower(n.name) CONTAINS toLower($q)
       OR any(x IN coalesce(n.aliases, []) WHERE toLower(x) CONTAINS toLower($q)))
RETURN n.label AS kind, n.name AS name, coalesce(n.aliases, []) AS aliases, n.id AS id
ORDER BY kind, name, id
