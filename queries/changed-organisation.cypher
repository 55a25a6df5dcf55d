// People who changed organisation: everyone seen with different organisations at different times, with when.
// params: person (string, optional), limit (integer, default 500)
// returns: person, organisation, first_seen, last_seen
// dates: a meeting's date (ISO), else the year its minutes imply (date_inferred); its year is that date's year, an integer
// From the store's spells (DERIVED_CHANGED_ORGANISATION, graph/store/summaries.py): each organisation of a
// person whose organisations were first seen at two or more different dates, when first and last seen (a
// statement's own dates, else its meeting's); the first `limit` rows in the order returned are kept. Each
// such person has two rows or more, so those rows are the first `limit` people's in name order (and of
// anyone sharing the last one's name): only their spells are read and sorted.
MATCH (p:Person)-[:DERIVED_CHANGED_ORGANISATION]->()
WHERE $person IS NULL OR p.id = $person OR toLower(p.name) CONTAINS toLower($person)
   OR any(x IN coalesce(p.aliases, []) WHERE toLower(x) CONTAINS toLower($person))
WITH DISTINCT p
ORDER BY p.name
WITH collect(p) AS people
WITH people, CASE WHEN size(people) > $limit THEN people[$limit - 1].name END AS last
UNWIND people AS p
WITH p, last WHERE last IS NULL OR p.name <= last
MATCH (p)-[s:DERIVED_CHANGED_ORGANISATION]->(o:Organisation)
RETURN p.name AS person, o.name AS organisation, s.first_seen AS first_seen, s.last_seen AS last_seen
ORDER BY person, first_seen, organisation
LIMIT $limit
