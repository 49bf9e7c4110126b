-- The data version behind the HTTP caching of GraphQL GET queries (server/src/http/http-cache.ts):
-- one row whose version grows once per committed transaction that changed areas, their stored
-- geometry levels, indicators, indicator values or sources. The triggers are deferred constraint
-- triggers: the row is locked only while the writing transaction commits (no lock held through a
-- long import, no deadlock between writers), and a reader sees the new version exactly when it
-- sees the new data. Written by hand to match schema.prisma.

CREATE TABLE "data_version" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "data_version_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "data_version_one_row" CHECK ("id" = 1)
);
INSERT INTO "data_version" ("id", "version") VALUES (1, 0);

-- Row triggers fire once per changed row at commit; a transaction-local setting makes all but the
-- first of them return at once.
CREATE FUNCTION "data_version_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('sozialatlas.data_version_bumped', true) = txid_current()::text THEN
    RETURN NULL;
  END IF;
  PERFORM set_config('sozialatlas.data_version_bumped', txid_current()::text, true);
  UPDATE "data_version" SET "version" = "version" + 1, "changed_at" = now() WHERE "id" = 1;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "data_version_area" AFTER INSERT OR UPDATE OR DELETE ON "area"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "data_version_bump"();
CREATE CONSTRAINT TRIGGER "data_version_area_geometry_level" AFTER INSERT OR UPDATE OR DELETE ON "area_geometry_level"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "data_version_bump"();
CREATE CONSTRAINT TRIGGER "data_version_indicator" AFTER INSERT OR UPDATE OR DELETE ON "indicator"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "data_version_bump"();
CREATE CONSTRAINT TRIGGER "data_version_indicator_value" AFTER INSERT OR UPDATE OR DELETE ON "indicator_value"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "data_version_bump"();
CREATE CONSTRAINT TRIGGER "data_version_indicator_relation" AFTER INSERT OR UPDATE OR DELETE ON "indicator_relation"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "data_version_bump"();
CREATE CONSTRAINT TRIGGER "data_version_indicator_relation_part" AFTER INSERT OR UPDATE OR DELETE ON "indicator_relation_part"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "data_version_bump"();
CREATE CONSTRAINT TRIGGER "data_version_source" AFTER INSERT OR UPDATE OR DELETE ON "source"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "data_version_bump"();
