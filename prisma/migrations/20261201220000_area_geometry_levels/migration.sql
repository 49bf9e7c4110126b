-- An area's geometry simplified once per map zoom level, so that the map's geometry query reads
-- stored polygons instead of transforming and simplifying the same polygons on every request.
-- Written by a trigger whenever area.geom changes (seed, area import, synthetic city, any SQL):
-- nothing has to remember to refresh it, and an import invalidates it in the same transaction.

-- Douglas–Peucker by a tolerance in metres in the area's UTM zone (north), each polygon kept
-- valid; a tolerance of 0 returns the geometry unchanged. The server uses the same function for
-- tolerances that are not stored.
CREATE FUNCTION "area_simplify"(g geometry, at geometry, tolerance_m double precision) RETURNS geometry
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN tolerance_m > 0 THEN
    ST_Multi(ST_Transform(ST_SimplifyPreserveTopology(ST_Transform(g, 32600 + floor((ST_X(at) + 180) / 6)::int + 1), tolerance_m), 4326))
  ELSE g END
$$;

-- The stored levels: 5 m (street scale), 15 m (the map's city view), 50, 150 and 500 m (regional).
CREATE FUNCTION "area_geometry_level_tolerances"() RETURNS int[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ARRAY[5, 15, 50, 150, 500]
$$;

CREATE TABLE "area_geometry_level" (
    "area_id" INTEGER NOT NULL,
    "tolerance_m" INTEGER NOT NULL,
    "geom" geometry(MultiPolygon, 4326) NOT NULL,

    CONSTRAINT "area_geometry_level_pkey" PRIMARY KEY ("area_id", "tolerance_m")
);
ALTER TABLE "area_geometry_level" ADD CONSTRAINT "area_geometry_level_area_id_fkey" FOREIGN KEY ("area_id") REFERENCES "area"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE FUNCTION "area_geometry_levels_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "area_geometry_level" WHERE "area_id" = NEW."id";
  IF NEW."geom" IS NOT NULL THEN
    INSERT INTO "area_geometry_level" ("area_id", "tolerance_m", "geom")
    SELECT NEW."id", t, area_simplify(NEW."geom", NEW."label_point", t)
      FROM unnest(area_geometry_level_tolerances()) t;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "area_geometry_levels_refresh" AFTER INSERT OR UPDATE OF "geom" ON "area"
  FOR EACH ROW EXECUTE FUNCTION "area_geometry_levels_refresh"();

-- Areas that exist already.
INSERT INTO "area_geometry_level" ("area_id", "tolerance_m", "geom")
SELECT a."id", t, area_simplify(a."geom", a."label_point", t)
  FROM "area" a, unnest(area_geometry_level_tolerances()) t
 WHERE a."geom" IS NOT NULL;
