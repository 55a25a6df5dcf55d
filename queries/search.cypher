// Find people and organisations by part of a name or alias (case-insensitive).
// params: q (string)
// returns: kind, name, aliases, id
// Each label scanned on its own: a scan of every node reads the store's sightings too (most of its nodes).
CALL {
  MATCH (n:Person)
  WHERE n.id = $q OR toLower(n.name) CONTAINS toLower($q)
     OR any(x IN coalesce(n.aliases, []) WHERE toLower(x) CONTAINS toLower($q))
  RETURN n.label AS kind, n.name AS name, coalesce(n.aliases, []) AS aliases, n.id AS id
  UNION
  MATCH (n:Organisation)
  WHERE n.id = $q OR toLower(n.name) CONTAINS toLower($q)
     OR any(x IN coalesce(n.aliases, []) WHERE toLower(x) CONTAINS toLower($q))
  RETURN n.label AS kind, n.name AS name, coalesce(n.aliases, []) AS aliases, n.id AS id
}
RETURN kind, name, aliases, id
ORDER BY kind, name, id
