// How two people are connected: the shortest chain (up to four steps) of meetings, items, actions, posts and organisations between them.
// params: person_a (string), person_b (string)
// returns: person_a, person_b, steps, route, via
MATCH (a:Person)
WHERE toLower(a.name) CONTAINS toLower($person_a)
   OR any(x IN coalesce(a.aliases, []) WHERE toLower(x) CONTAINS toLower($person_a))
MATCH (b:Person)
WHERE (toLower(b.name) CONTAINS toLower($person_b)
   OR any(x IN coalesce(b.aliases, []) WHERE toLower(x) CONTAINS toLower($person_b)))
  AND a.id <> b.id
// A bounded path, not shortestPath: FalkorDB allows shortestPath only in WITH/RETURN and directed.
MATCH path = (a)-[*1..4]-(b)
WHERE none(n IN nodes(path) WHERE n.label = 'Document')
WITH a, b, path, length(path) AS steps,
     reduce(s = '', n IN nodes(path) | s + CASE WHEN s = '' THEN '' ELSE ' > ' END + coalesce(n.name, n.title, n.text, n.id)) AS route,
     reduce(s = '', r IN relationships(path) | s + CASE WHEN s = '' THEN '' ELSE ' ' END + type(r)) AS via
RETURN a.name AS person_a, b.name AS person_b, steps, route, via
ORDER BY steps, route, via
LIMIT 1
