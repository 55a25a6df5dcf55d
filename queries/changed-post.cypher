// People who changed post: everyone seen in different posts at different times, with when.
// params: person (string, optional), limit (integer, default 500)
// returns: person, role, organisation, first_seen, last_seen
// dates: a meeting's date (ISO), else the year its minutes imply (date_inferred); its year is that date's year, an integer
// From the store's spells (DERIVED_CHANGED_POST, graph/store/summaries.py): each post of a person whose posts
// were first seen at two or more different dates, when first and last seen (a statement's own dates, else
// its meeting's). The post's organisations are followed here (ROLE_AT), a row each; the first `limit` rows
// in the order returned are kept. Each such person has two rows or more, so those rows are the first
// `limit` people's in name order (and of anyone sharing the last one's name): only their spells are read
// and sorted.
MATCH (p:Person)-[:DERIVED_CHANGED_POST]->()
WHERE $person IS NULL OR p.id = $person OR toLower(p.name) CONTAINS toLower($person)
   OR any(x IN coalesce(p.aliases, []) WHERE toLower(x) CONTAINS toLower($person))
WITH DISTINCT p
ORDER BY p.name
WITH collect(p) AS people
WITH people, CASE WHEN size(people) > $limit THEN people[$limit - 1].name END AS last
UNWIND people AS p
WITH p, last WHERE last IS NULL OR p.name <= last
MATCH (p)-[s:DERIVED_CHANGED_POST]->(r:Role)
OPTIONAL MATCH (r)-[:ROLE_AT]->(o:Organisation)
WITH DISTINCT p, r, o, s.first_seen AS first_seen, s.last_seen AS last_seen
RETURN p.name AS person, r.name AS role, o.name AS organisation, first_seen, last_seen
ORDER BY person, first_seen, role, organisation
LIMIT $limit
