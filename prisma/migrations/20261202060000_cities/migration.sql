-- Several cities in one hub (issue 11, item 5). A city is the root of an area hierarchy: its
-- CITY-level area (code = AGS, e.g. 14713000), as budget_line.city_id already uses it. Every
-- area and every service points to the root area of its city (city_id); area codes are unique
-- per city (Leipzig's Ortsteil "47" and Chemnitz's Stadtteil "47" are both real). The city table
-- holds what the hub says about a city as a whole: URL key, residents and their source, and
-- whether statistics per district exist. Written by hand to match schema.prisma.

CREATE TABLE "city" (
    "area_id" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "residents" INTEGER,
    "residents_date" DATE,
    "residents_source_id" INTEGER,
    "district_statistics" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "city_pkey" PRIMARY KEY ("area_id"),
    CONSTRAINT "city_key_format" CHECK ("key" ~ '^[a-z][a-z0-9-]*$')
);
CREATE UNIQUE INDEX "city_key_key" ON "city"("key");
ALTER TABLE "city" ADD CONSTRAINT "city_area_id_fkey" FOREIGN KEY ("area_id") REFERENCES "area"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "city" ADD CONSTRAINT "city_residents_source_id_fkey" FOREIGN KEY ("residents_source_id") REFERENCES "source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- At most one default city (the one queries without a city argument answer for). A trigger, not a
-- partial unique index: the Prisma schema cannot state one, and the schema-drift test compares them.
CREATE FUNCTION "city_one_default"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."is_default" AND EXISTS (SELECT 1 FROM "city" c WHERE c."is_default" AND c."area_id" <> NEW."area_id") THEN
    RAISE EXCEPTION 'city %: there is already a default city', NEW."key" USING ERRCODE = 'unique_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "city_one_default" BEFORE INSERT OR UPDATE OF "is_default" ON "city"
  FOR EACH ROW EXECUTE FUNCTION "city_one_default"();

ALTER TABLE "area" ADD COLUMN "city_id" INTEGER;
ALTER TABLE "area" ADD CONSTRAINT "area_city_id_fkey" FOREIGN KEY ("city_id") REFERENCES "area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "area_city_id_idx" ON "area"("city_id");

-- An area's city is its root: a CITY without parent is its own city, every other area inherits
-- its parent's city. Never typed. A city's own code (its AGS) is unique among cities.
CREATE FUNCTION "area_derive_city"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."parent_id" IS NULL THEN
    NEW."city_id" := CASE WHEN NEW."level" = 'CITY' THEN NEW."id" END;
    IF NEW."level" = 'CITY' AND EXISTS (SELECT 1 FROM "area" o WHERE o."code" = NEW."code" AND o."level" = 'CITY'
                                          AND o."parent_id" IS NULL AND o."id" <> NEW."id") THEN
      RAISE EXCEPTION 'a city with code % exists already', NEW."code" USING ERRCODE = 'unique_violation';
    END IF;
  ELSE
    SELECT p."city_id" INTO NEW."city_id" FROM "area" p WHERE p."id" = NEW."parent_id";
  END IF;
  RETURN NEW;
END $$;

-- Backfill in one statement, before the trigger exists (it would read parents not yet updated).
WITH RECURSIVE tree AS (
  SELECT a."id", a."id" AS root FROM "area" a WHERE a."parent_id" IS NULL AND a."level" = 'CITY'
  UNION ALL
  SELECT c."id", t.root FROM "area" c JOIN tree t ON c."parent_id" = t."id"
)
UPDATE "area" a SET "city_id" = tree.root FROM tree WHERE tree."id" = a."id";
CREATE TRIGGER "area_derive_city" BEFORE INSERT OR UPDATE OF "parent_id", "level", "city_id" ON "area"
  FOR EACH ROW EXECUTE FUNCTION "area_derive_city"();

-- Codes are unique per city; areas outside any city keep the old global uniqueness (NULLS NOT
-- DISTINCT); a city's own code (its AGS) is unique among cities (trigger above).
DROP INDEX "area_code_key";
CREATE UNIQUE INDEX "area_city_id_code_key" ON "area"("city_id", "code") NULLS NOT DISTINCT;

ALTER TABLE "service" ADD COLUMN "city_id" INTEGER;
ALTER TABLE "service" ADD CONSTRAINT "service_city_id_fkey" FOREIGN KEY ("city_id") REFERENCES "area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "service_city_id_idx" ON "service"("city_id");

-- A service created without a city (the API's createService, older importers) belongs to the
-- default city: before this migration the hub held one city only.
CREATE FUNCTION "service_default_city"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."city_id" IS NULL THEN
    SELECT c."area_id" INTO NEW."city_id" FROM "city" c WHERE c."is_default";
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "service_default_city" BEFORE INSERT ON "service"
  FOR EACH ROW EXECUTE FUNCTION "service_default_city"();

-- An installation seeded before this migration holds Leipzig only: it becomes the default city.
INSERT INTO "city" ("area_id", "key", "is_default", "district_statistics")
SELECT a."id", 'leipzig', true, true FROM "area" a WHERE a."code" = '14713000' AND a."level" = 'CITY' AND a."parent_id" IS NULL;
UPDATE "service" SET "city_id" = (SELECT "area_id" FROM "city" WHERE "is_default");
