// How two people are connected: the shortest chain (up to four steps) of meetings, items, actions and posts between them.
// params: person_a (string), person_b (string)
// returns: person_a, person_b, steps, route, via
// A name or id given exactly is looked up through the index; otherwise a name that matches
// exactly in any case wins over names that merely contain it ("Person 1" vs "Person 12").
// The two people are matched again by id after their lookups: FalkorDB 4.16 treats nodes
// returned from a CALL { ... UNION ... } as unbound in a variable-length pattern.
OPTIONAL MATCH (by_name:Person {name: $person_a})
OPTIONAL MATCH (by_id:Person {id: $person_a})
WITH [x IN collect(DISTINCT by_name) + collect(DISTINCT by_id) WHERE x IS NOT NULL] AS exact
CALL {
  WITH exact
  UNWIND exact AS a
  RETURN DISTINCT a
  UNION
  WITH exact
  WITH exact WHERE size(exact) = 0
  MATCH (a:Person)
  WHERE a.id = $person_a OR toLower(a.name) CONTAINS toLower($person_a)
     OR any(x IN coalesce(a.aliases, []) WHERE toLower(x) CONTAINS toLower($person_a))
  WITH collect(a) AS found
  UNWIND CASE WHEN any(x IN found WHERE toLower(x.name) = toLower($person_a))
              THEN [x IN found WHERE toLower(x.name) = toLower($person_a)] ELSE found END AS a
  RETURN a
}
OPTIONAL MATCH (by_name:Person {name: $person_b})
OPTIONAL MATCH (by_id:Person {id: $person_b})
WITH a, [x IN collect(DISTINCT by_name) + collect(DISTINCT by_id) WHERE x IS NOT NULL AND x.id <> a.id] AS exact
CALL {
  WITH a, exact
  UNWIND exact AS b
  RETURN DISTINCT b
  UNION
  WITH a, exact
  WITH a, exact WHERE size(exact) = 0
  MATCH (b:Person)
  WHERE (b.id = $person_b OR toLower(b.name) CONTAINS toLower($person_b)
     OR any(x IN coalesce(b.aliases, []) WHERE toLower(x) CONTAINS toLower($person_b)))
    AND a.id <> b.id
  WITH collect(b) AS found
  UNWIND CASE WHEN any(x IN found WHERE toLower(x.name) = toLower($person_b))
              THEN [x IN found WHERE toLower(x.name) = toLower($person_b)] ELSE found END AS b
  RETURN b
}
WITH a.id AS a_id, b.id AS b_id
MATCH (a:Person {id: a_id})
MATCH (b:Person {id: b_id})
// Bounded paths, not shortestPath (FalkorDB allows it only in WITH/RETURN, directed). Paths
// of one or two steps are cheap to find; three or four are looked for only when there are
// none, since their number grows with every meeting. Organisation links (AFFILIATED_WITH,
// MEETING_OF, ROLE_AT) are left out: one council joins everyone to everyone.
OPTIONAL MATCH near = (a)-[:ATTENDED|SENT_APOLOGIES|PRESENTED|CONTRIBUTED|HAS_ITEM|ASSIGNED_TO|SUBSTITUTED_FOR|HOLDS*1..2]-(b)
WITH a, b, min(length(near)) AS hops
WITH collect({a: a, b: b, hops: hops}) AS pairs, min(hops) AS best
UNWIND pairs AS pair
WITH pair.a AS a, pair.b AS b, pair.hops AS hops, best
WHERE best IS NULL OR hops = best
CALL {
  WITH a, b, best
  WITH a, b, best WHERE best IS NOT NULL
  MATCH path = (a)-[:ATTENDED|SENT_APOLOGIES|PRESENTED|CONTRIBUTED|HAS_ITEM|ASSIGNED_TO|SUBSTITUTED_FOR|HOLDS*1..2]-(b)
  WHERE length(path) = best
  RETURN path
  UNION
  WITH a, b, best
  WITH a, b, best WHERE best IS NULL
  MATCH path = (a)-[:ATTENDED|SENT_APOLOGIES|PRESENTED|CONTRIBUTED|HAS_ITEM|ASSIGNED_TO|SUBSTITUTED_FOR|HOLDS*3..4]-(b)
  RETURN path
}
WITH a, b, path, length(path) AS steps,
     reduce(s = '', n IN nodes(path) | s + CASE WHEN s = '' THEN '' ELSE ' > ' END + coalesce(n.name, n.title, n.text, n.id)) AS route,
     reduce(s = '', r IN relationships(path) | s + CASE WHEN s = '' THEN '' ELSE ' ' END + type(r)) AS via
RETURN a.name AS person_a, b.name AS person_b, steps, route, via
ORDER BY steps, route, via
LIMIT 1
