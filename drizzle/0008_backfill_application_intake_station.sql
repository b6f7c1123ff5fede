-- Window applications taken before intake_station_id existed: the station of the clerk who took
-- them (applications.accepted_by), so that station's clerks keep seeing them (DESIGN §4).
UPDATE "applications" AS a
SET "intake_station_id" = s."station_id"
FROM "staff" AS s
WHERE a."channel" = 'window' AND a."intake_station_id" IS NULL AND s."id" = a."accepted_by";
