-- A plan belongs to the city it plans for (issue #11): `plans(city:)`, `measures(filter: { city })`
-- and `participationEvents(filter: { city })` answer per city. A plan created without one (the
-- API's createPlan, the demo seed) belongs to the default city, as every plan did before there
-- were several cities. Written by hand.

ALTER TABLE "plan" ADD COLUMN "city_id" INTEGER;
ALTER TABLE "plan" ADD CONSTRAINT "plan_city_id_fkey" FOREIGN KEY ("city_id") REFERENCES "area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "plan_city_id_idx" ON "plan"("city_id");

CREATE FUNCTION "plan_default_city"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."city_id" IS NULL THEN
    SELECT c."area_id" INTO NEW."city_id" FROM "city" c WHERE c."is_default";
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "plan_default_city" BEFORE INSERT ON "plan"
  FOR EACH ROW EXECUTE FUNCTION "plan_default_city"();

UPDATE "plan" SET "city_id" = (SELECT "area_id" FROM "city" WHERE "is_default");
