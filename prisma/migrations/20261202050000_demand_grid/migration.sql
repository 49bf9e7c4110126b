-- The demand grid of the accessibility analyses (E2SFCA, gaps, scenarios), stored: each Ortsteil
-- (and planning area) cut into square cells of 250 m, every cell clipped to the area, its centroid
-- kept with the clipped area (m²) as weight. Before, the first gap or accessibility call of a server
-- process computed it (seconds on a planner's first click). Written by a trigger whenever an area's
-- geometry or level changes (seed, area import, synthetic city, any SQL), so an import refreshes it
-- in its own transaction; the population is spread over the cells when an analysis runs (it is
-- cheap), so a value write needs no refresh. Cells hold geometry only, no confidential data.

-- UTM zone (north) of a point: the metric plane a grid of the area is laid out in.
CREATE FUNCTION "demand_grid_srid"(at geometry) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT 32600 + floor((ST_X(at) + 180) / 6)::int + 1
$$;

-- The cells of one area: a square grid of `size_m` metres (ST_SquareGrid, aligned on the zone's
-- origin, so neighbouring areas share cell edges) in the zone `srid`, clipped to the area, ordered
-- by latitude, then longitude. Cells with no area inside are dropped.
CREATE FUNCTION "demand_grid_cells"(g geometry, srid integer, size_m double precision)
  RETURNS TABLE (n integer, x double precision, y double precision, weight double precision)
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  WITH a AS MATERIALIZED (SELECT ST_Transform(g, srid) AS g),
  c AS (
    SELECT CASE WHEN ST_Within(sq.geom, a.g) THEN sq.geom ELSE ST_Intersection(a.g, sq.geom) END AS piece
      FROM a CROSS JOIN LATERAL ST_SquareGrid(size_m, a.g) AS sq
     WHERE ST_Intersects(a.g, sq.geom)
  ),
  p AS (SELECT ST_Transform(ST_Centroid(piece), 4326) AS pt, ST_Area(piece) AS w FROM c)
  SELECT (row_number() OVER (ORDER BY ST_Y(pt), ST_X(pt)))::int AS n, ST_X(pt), ST_Y(pt), w FROM p WHERE w > 0
$$;

-- The stored cell sizes: 250 m, the grid of the gap map and the scenarios (other sizes are computed
-- per request by the same function).
CREATE FUNCTION "demand_grid_sizes"() RETURNS int[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ARRAY[250]
$$;

CREATE TABLE "demand_cell" (
    "area_id" INTEGER NOT NULL,
    "size_m" INTEGER NOT NULL,
    "n" INTEGER NOT NULL,
    "x" DOUBLE PRECISION NOT NULL,
    "y" DOUBLE PRECISION NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "demand_cell_pkey" PRIMARY KEY ("area_id", "size_m", "n")
);
ALTER TABLE "demand_cell" ADD CONSTRAINT "demand_cell_area_id_fkey" FOREIGN KEY ("area_id") REFERENCES "area"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Demand is spread from the finest levels only (Ortsteile and planning areas).
CREATE FUNCTION "demand_cells_refresh"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "demand_cell" WHERE "area_id" = NEW."id";
  IF NEW."geom" IS NOT NULL AND NEW."level" IN ('DISTRICT', 'PLANNING_AREA') THEN
    INSERT INTO "demand_cell" ("area_id", "size_m", "n", "x", "y", "weight")
    SELECT NEW."id", s, c.n, c.x, c.y, c.weight
      FROM unnest(demand_grid_sizes()) s, demand_grid_cells(NEW."geom", demand_grid_srid(NEW."label_point"), s) c;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "demand_cells_refresh" AFTER INSERT OR UPDATE OF "geom", "level" ON "area"
  FOR EACH ROW EXECUTE FUNCTION "demand_cells_refresh"();

-- Areas that exist already.
INSERT INTO "demand_cell" ("area_id", "size_m", "n", "x", "y", "weight")
SELECT a."id", s, c.n, c.x, c.y, c.weight
  FROM "area" a, unnest(demand_grid_sizes()) s, demand_grid_cells(a."geom", demand_grid_srid(a."label_point"), s) c
 WHERE a."geom" IS NOT NULL AND a."level" IN ('DISTRICT', 'PLANNING_AREA');
