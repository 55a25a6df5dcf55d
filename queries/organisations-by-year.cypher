// Which organisations attend each year: meetings at which someone represented them, and how many of their people came.
// params: year (year, optional), body (string, optional)
// returns: year, organisation, meetings, people
// dates: a meeting's date (ISO), else the year its minutes imply (date_inferred); its year is that date's year, an integer
// From the store's count per organisation, year and body that met (DERIVED_ORGANISATION_YEAR,
// graph/store/summaries.py): a meeting has one year and one body, so meetings add up; people are
// unioned across the bodies asked for.
MATCH (o:Organisation)-[s:DERIVED_ORGANISATION_YEAR]->()
WHERE ($year IS NULL OR s.year = $year)
  AND ($body IS NULL OR toLower(s.body) CONTAINS toLower($body))
WITH s.year AS year, o, toInteger(sum(s.meetings)) AS meetings, collect(s.people) AS lists
RETURN year, o.name AS organisation, meetings,
       size(reduce(seen = [], group IN lists | seen + [p IN group WHERE NOT p IN seen])) AS people
ORDER BY year, meetings DESC, organisation
