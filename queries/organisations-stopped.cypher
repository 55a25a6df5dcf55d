// Which organisations stopped attending: the last year someone represented them is before the latest year of meetings.
// params: body (string, optional)
// returns: organisation, first_year, last_year, meetings, latest_year
MATCH (mm:Meeting)
WHERE $body IS NULL OR toLower(mm.body) CONTAINS toLower($body)
WITH max(substring(coalesce(mm.date, mm.date_inferred), 0, 4)) AS latest
MATCH (p:Person)-[at:ATTENDED]->(m:Meeting), (p)-[af:AFFILIATED_WITH]->(o:Organisation)
WHERE af.document = at.document
  AND ($body IS NULL OR toLower(m.body) CONTAINS toLower($body))
WITH latest, o, m, substring(coalesce(m.date, m.date_inferred), 0, 4) AS year
WHERE year IS NOT NULL
WITH latest, o, min(year) AS first_year, max(year) AS last_year, count(DISTINCT m) AS meetings
WHERE last_year < latest
RETURN o.name AS organisation, first_year, last_year, meetings, latest AS latest_year
ORDER BY last_year, organisation
