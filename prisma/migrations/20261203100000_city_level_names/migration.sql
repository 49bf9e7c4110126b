-- Each city names its own levels (issue #11): Leipzig's districts are "Ortsteile", Chemnitz's
-- "Stadtteile". `level_names` maps a level to its names, e.g.
-- {"DISTRICT": {"de": "Stadtteile", "deSingular": "Stadtteil", "en": "districts (Stadtteile)"}};
-- a level without an entry keeps the generic name. Set by the importers (Leipzig's, and a city's
-- manifest `areas.levelName`). Written by hand.
ALTER TABLE "city" ADD COLUMN "level_names" JSONB NOT NULL DEFAULT '{}';

-- An installation imported before this migration is not imported again (a city already in the
-- database is kept): its two cities get the names their importers now write
-- (seed/src/importers/districts.ts, seed/data/chemnitz/city.json).
UPDATE "city" SET "level_names" = '{"CITY": {"de": "Stadt", "deSingular": "Stadt", "en": "city (Stadt)"}, "BOROUGH": {"de": "Stadtbezirke", "deSingular": "Stadtbezirk", "en": "boroughs (Stadtbezirke)"}, "DISTRICT": {"de": "Ortsteile", "deSingular": "Ortsteil", "en": "districts (Ortsteile)"}}'
 WHERE "key" = 'leipzig';
UPDATE "city" SET "level_names" = '{"DISTRICT": {"de": "Stadtteile", "deSingular": "Stadtteil", "en": "districts (Stadtteile)"}}'
 WHERE "key" = 'chemnitz';

-- One trigger function for every table whose rows belong to the default city when inserted
-- without one (services, plans): the two copies of 20261202060000 and 20261202100000 are replaced.
CREATE FUNCTION "default_city"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."city_id" IS NULL THEN
    SELECT c."area_id" INTO NEW."city_id" FROM "city" c WHERE c."is_default";
  END IF;
  RETURN NEW;
END $$;

DROP TRIGGER "service_default_city" ON "service";
CREATE TRIGGER "service_default_city" BEFORE INSERT ON "service"
  FOR EACH ROW EXECUTE FUNCTION "default_city"();
DROP TRIGGER "plan_default_city" ON "plan";
CREATE TRIGGER "plan_default_city" BEFORE INSERT ON "plan"
  FOR EACH ROW EXECUTE FUNCTION "default_city"();
DROP FUNCTION "service_default_city"();
DROP FUNCTION "plan_default_city"();
