// Which organisations work together: pairs represented at the same meetings, strongest first, optionally for a range of years.
// params: year_from (year, optional), year_to (year, optional), limit (integer, default 25)
// returns: organisation_a, organisation_b, meetings, first_year, last_year
// dates: a meeting's date (ISO), else the year its minutes imply (date_inferred); its year is that date's year, an integer
// Represented: someone attended and, in the same minutes, is named with the organisation. The store
// keeps each pair's meetings per year (DERIVED_CO_REPRESENTED, graph/store/summaries.py); undated
// meetings count only when no year is asked for.
MATCH (a:Organisation)-[c:DERIVED_CO_REPRESENTED]->(b:Organisation)
WITH a, b, c, [i IN range(0, size(c.years) - 1)
               WHERE ($year_from IS NULL OR c.years[i] >= $year_from)
                 AND ($year_to IS NULL OR c.years[i] <= $year_to)] AS picked
WITH a, b, c, [i IN picked | c.years[i]] AS years,
     reduce(n = 0, i IN picked | n + c.counts[i]) AS in_range
WITH a, b,
     CASE WHEN $year_from IS NULL AND $year_to IS NULL THEN c.meetings ELSE in_range END AS meetings,
     CASE WHEN $year_from IS NULL AND $year_to IS NULL THEN c.first_year
          ELSE reduce(y = null, x IN years | CASE WHEN y IS NULL OR x < y THEN x ELSE y END) END AS first_year,
     CASE WHEN $year_from IS NULL AND $year_to IS NULL THEN c.last_year
          ELSE reduce(y = null, x IN years | CASE WHEN y IS NULL OR x > y THEN x ELSE y END) END AS last_year
WHERE meetings > 0
RETURN a.name AS organisation_a, b.name AS organisation_b, meetings, first_year, last_year
ORDER BY meetings DESC, organisation_a, organisation_b
LIMIT $limit
