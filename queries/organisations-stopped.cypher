// Which organisations stopped attending: the last year someone represented them is before the latest year anyone represented an organisation.
// params: body (string, optional)
// returns: organisation, first_year, last_year, meetings, latest_year
// dates: a meeting's date (ISO), else the year its minutes imply (date_inferred); its year is that date's year, an integer
// From the store's count per organisation, year and body that met (DERIVED_ORGANISATION_YEAR,
// graph/store/summaries.py; undated meetings are not in it).
MATCH (o:Organisation)-[s:DERIVED_ORGANISATION_YEAR]->()
WHERE $body IS NULL OR toLower(s.body) CONTAINS toLower($body)
WITH o, min(s.year) AS first_year, max(s.year) AS last_year, toInteger(sum(s.meetings)) AS meetings
// The latest year with any organisation on record, so minutes that name no affiliations
// do not make every organisation look gone.
WITH collect({organisation: o.name, first_year: first_year, last_year: last_year, meetings: meetings}) AS rows,
     max(last_year) AS latest
UNWIND rows AS r
WITH r, latest
WHERE r.last_year < latest
RETURN r.organisation AS organisation, r.first_year AS first_year, r.last_year AS last_year,
       r.meetings AS meetings, latest AS latest_year
ORDER BY last_year, organisation
