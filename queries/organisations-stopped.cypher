// Which organisations stopped attending: the last year someone represented them is before the latest year anyone represented an organisation.
// params: body (string, optional)
// returns: organisation, first_year, last_year, meetings, latest_year
MATCH (p:Person)-[at:ATTENDED]->(m:Meeting), (p)-[af:AFFILIATED_WITH]->(o:Organisation)
WHERE af.document = at.document
  AND ($body IS NULL OR toLower(m.body) CONTAINS toLower($body))
WITH o, m, substring(coalesce(m.date, m.date_inferred), 0, 4) AS year
WHERE year IS NOT NULL
WITH o, min(year) AS first_year, max(year) AS last_year, count(DISTINCT m) AS meetings
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
