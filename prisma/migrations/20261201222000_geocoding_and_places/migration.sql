-- How a location's point was found (offline geocoder, seed/src/geocoding) and the orientation
-- layers of issue 11: public transport stops and OSM social buildings (ODbL). Written by hand to
-- match schema.prisma.

CREATE TYPE "geocode_match" AS ENUM ('EXACT', 'NEAREST_NUMBER', 'AMBIGUOUS', 'NOT_FOUND');

-- Null: the point came with the source or was picked on the map. Otherwise the geocoder's verdict
-- on the address, its estimated distance for NEAREST_NUMBER and its note (German).
ALTER TABLE "location" ADD COLUMN "geocode_match" "geocode_match";
ALTER TABLE "location" ADD COLUMN "geocode_distance_m" DOUBLE PRECISION;
ALTER TABLE "location" ADD COLUMN "geocode_note" TEXT;
ALTER TABLE "location" ADD CONSTRAINT "location_geocode_distance_nonnegative" CHECK ("geocode_distance_m" IS NULL OR "geocode_distance_m" >= 0);

CREATE TYPE "transit_mode" AS ENUM ('TRAM', 'BUS', 'TRAIN');

CREATE TABLE "transit_stop" (
    "id" SERIAL NOT NULL,
    "name" TEXT,
    "mode" "transit_mode" NOT NULL,
    "geom" geometry(Point, 4326) NOT NULL,
    "area_id" INTEGER,
    "external_id" TEXT NOT NULL,
    "source_id" INTEGER NOT NULL,
    CONSTRAINT "transit_stop_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "transit_stop_source_id_mode_external_id_key" ON "transit_stop"("source_id", "mode", "external_id");
CREATE INDEX "transit_stop_geom_idx" ON "transit_stop" USING GIST ("geom");
CREATE INDEX "transit_stop_area_id_idx" ON "transit_stop"("area_id");
ALTER TABLE "transit_stop" ADD CONSTRAINT "transit_stop_area_id_fkey" FOREIGN KEY ("area_id") REFERENCES "area"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "transit_stop" ADD CONSTRAINT "transit_stop_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "social_building" (
    "id" SERIAL NOT NULL,
    "name" TEXT,
    "amenity" TEXT NOT NULL,
    "operator" TEXT,
    "street" TEXT,
    "house_number" TEXT,
    "postal_code" TEXT,
    "geom" geometry(Point, 4326) NOT NULL,
    "area_id" INTEGER,
    "external_id" TEXT NOT NULL,
    "source_id" INTEGER NOT NULL,
    CONSTRAINT "social_building_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "social_building_source_id_external_id_key" ON "social_building"("source_id", "external_id");
CREATE INDEX "social_building_geom_idx" ON "social_building" USING GIST ("geom");
CREATE INDEX "social_building_area_id_idx" ON "social_building"("area_id");
ALTER TABLE "social_building" ADD CONSTRAINT "social_building_area_id_fkey" FOREIGN KEY ("area_id") REFERENCES "area"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "social_building" ADD CONSTRAINT "social_building_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Their area is derived from the point like a location's: the finest area containing it.
CREATE FUNCTION "place_derive_area"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT a."id" INTO NEW."area_id"
    FROM "area" a
   WHERE a."geom" IS NOT NULL AND ST_Covers(a."geom", NEW."geom")
   ORDER BY CASE a."level" WHEN 'PLANNING_AREA' THEN 0 WHEN 'DISTRICT' THEN 1 WHEN 'BOROUGH' THEN 2 ELSE 3 END, a."id"
   LIMIT 1;
  RETURN NEW;
END $$;
CREATE TRIGGER "transit_stop_derive_area" BEFORE INSERT OR UPDATE OF "geom", "area_id" ON "transit_stop"
  FOR EACH ROW EXECUTE FUNCTION "place_derive_area"();
CREATE TRIGGER "social_building_derive_area" BEFORE INSERT OR UPDATE OF "geom", "area_id" ON "social_building"
  FOR EACH ROW EXECUTE FUNCTION "place_derive_area"();
