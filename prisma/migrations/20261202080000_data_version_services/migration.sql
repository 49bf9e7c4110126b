-- The data version (migration 20261202040000_data_version) also grows with every committed
-- transaction that changes services, their locations, categories, coverage norms or the demand
-- grid: the analyses cache what they compute from these per data version
-- (server/src/modules/analysis/analysis.cache.ts). The HTTP cache of the area and indicator
-- queries only revalidates a little more often. Written by hand.

CREATE CONSTRAINT TRIGGER "data_version_service" AFTER INSERT OR UPDATE OR DELETE ON "service"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "data_version_bump"();
CREATE CONSTRAINT TRIGGER "data_version_service_location" AFTER INSERT OR UPDATE OR DELETE ON "service_location"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "data_version_bump"();
CREATE CONSTRAINT TRIGGER "data_version_location" AFTER INSERT OR UPDATE OR DELETE ON "location"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "data_version_bump"();
CREATE CONSTRAINT TRIGGER "data_version_service_category" AFTER INSERT OR UPDATE OR DELETE ON "service_category"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "data_version_bump"();
CREATE CONSTRAINT TRIGGER "data_version_coverage_norm" AFTER INSERT OR UPDATE OR DELETE ON "coverage_norm"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "data_version_bump"();
CREATE CONSTRAINT TRIGGER "data_version_demand_cell" AFTER INSERT OR UPDATE OR DELETE ON "demand_cell"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "data_version_bump"();
