-- Sozialatlas initial data model. Written by hand to match schema.prisma (a test compares them).
CREATE EXTENSION IF NOT EXISTS postgis;

-- Enums
CREATE TYPE "area_level" AS ENUM ('CITY', 'BOROUGH', 'DISTRICT', 'PLANNING_AREA');
CREATE TYPE "indicator_unit" AS ENUM ('COUNT', 'PERCENT', 'PER_THOUSAND', 'RATIO', 'EUR', 'EUR_PER_MONTH', 'YEARS', 'PER_KM2');
CREATE TYPE "indicator_topic" AS ENUM ('DEMOGRAPHY', 'LABOUR', 'POVERTY', 'INCOME', 'MIGRATION', 'HOUSING', 'HEALTH', 'EDUCATION');
CREATE TYPE "polarity" AS ENUM ('HIGHER_IS_WORSE', 'HIGHER_IS_BETTER', 'NEUTRAL');
CREATE TYPE "aggregation_rule" AS ENUM ('SUM', 'WEIGHTED_MEAN', 'NOT_DERIVABLE');
CREATE TYPE "value_status" AS ENUM ('REGULAR', 'PROVISIONAL', 'ESTIMATED', 'SUPPRESSED');
CREATE TYPE "provider_kind" AS ENUM ('MUNICIPAL', 'NON_PROFIT', 'COMMERCIAL');
CREATE TYPE "umbrella_association" AS ENUM ('AWO', 'CARITAS', 'DIAKONIE', 'DRK', 'PARITAETISCHER', 'ZWST');
CREATE TYPE "target_group" AS ENUM ('CHILDREN', 'YOUNG_PEOPLE', 'FAMILIES', 'SINGLE_PARENTS', 'SENIORS', 'PEOPLE_WITH_DISABILITIES', 'HOMELESS_PEOPLE', 'MIGRANTS', 'LONG_TERM_UNEMPLOYED', 'PEOPLE_WITH_ADDICTION');
CREATE TYPE "legal_basis" AS ENUM ('SGB_II', 'SGB_VIII', 'SGB_IX', 'SGB_XII', 'OTHER');
CREATE TYPE "capacity_unit" AS ENUM ('PLACES', 'HOURS_PER_WEEK', 'CONTACTS_PER_YEAR');
CREATE TYPE "service_status" AS ENUM ('PLANNED', 'ACTIVE', 'CLOSED');
CREATE TYPE "accessibility" AS ENUM ('FULL', 'PARTIAL', 'NONE', 'UNKNOWN');
CREATE TYPE "funding_kind" AS ENUM ('GRANT', 'SERVICE_FEE', 'PROJECT_GRANT');
CREATE TYPE "funding_status" AS ENUM ('APPLIED', 'GRANTED', 'PAID');
CREATE TYPE "measure_horizon" AS ENUM ('SHORT', 'MEDIUM', 'LONG');
CREATE TYPE "measure_status" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'SUSPENDED');
CREATE TYPE "participation_kind" AS ENUM ('CONFERENCE', 'SURVEY', 'DISTRICT_WALK', 'WORKSHOP');

-- Sources
CREATE TABLE "source" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "licence" TEXT NOT NULL,
    "url" TEXT,
    "attribution" TEXT NOT NULL,
    "retrieved_at" DATE,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "source_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "source_key_key" ON "source"("key");

-- Areas. Area and label point are generated from the geometry, so they can never disagree.
CREATE TABLE "area" (
    "id" SERIAL NOT NULL,
    "level" "area_level" NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "parent_id" INTEGER,
    "geom" geometry(MultiPolygon, 4326),
    "area_km2" DOUBLE PRECISION GENERATED ALWAYS AS (ST_Area("geom"::geography) / 1000000.0) STORED,
    "label_point" geometry(Point, 4326) GENERATED ALWAYS AS (ST_PointOnSurface("geom")) STORED,
    "source_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "area_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "area_geom_valid" CHECK ("geom" IS NULL OR ST_IsValid("geom"))
);
CREATE UNIQUE INDEX "area_code_key" ON "area"("code");
CREATE INDEX "area_parent_id_idx" ON "area"("parent_id");
CREATE INDEX "area_level_idx" ON "area"("level");
CREATE INDEX "area_geom_idx" ON "area" USING GIST ("geom");

-- Indicators and values
CREATE TABLE "indicator" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_en" TEXT,
    "description" TEXT NOT NULL,
    "unit" "indicator_unit" NOT NULL,
    "topic" "indicator_topic" NOT NULL,
    "polarity" "polarity" NOT NULL,
    "aggregation" "aggregation_rule" NOT NULL,
    "denominator_id" INTEGER,
    "source_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "indicator_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "indicator_weighted_mean_has_denominator" CHECK ("aggregation" <> 'WEIGHTED_MEAN' OR "denominator_id" IS NOT NULL)
);
CREATE UNIQUE INDEX "indicator_key_key" ON "indicator"("key");
CREATE INDEX "indicator_topic_idx" ON "indicator"("topic");

CREATE TABLE "indicator_value" (
    "id" SERIAL NOT NULL,
    "indicator_id" INTEGER NOT NULL,
    "area_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "value" DOUBLE PRECISION,
    "status" "value_status" NOT NULL DEFAULT 'REGULAR',
    "derived" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "indicator_value_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "indicator_value_year_range" CHECK ("year" BETWEEN 1900 AND 2200)
);
CREATE UNIQUE INDEX "indicator_value_indicator_id_area_id_year_key" ON "indicator_value"("indicator_id", "area_id", "year");
CREATE INDEX "indicator_value_area_id_year_idx" ON "indicator_value"("area_id", "year");
CREATE INDEX "indicator_value_indicator_id_year_idx" ON "indicator_value"("indicator_id", "year");

-- Providers, services, locations
CREATE TABLE "provider" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "normalized_name" TEXT NOT NULL,
    "kind" "provider_kind" NOT NULL,
    "umbrella" "umbrella_association",
    "website" TEXT,
    "published" BOOLEAN NOT NULL DEFAULT true,
    "source_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "provider_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "provider_normalized_name_key" ON "provider"("normalized_name");

CREATE TABLE "service_category" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "description" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "service_category_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "service_category_key_key" ON "service_category"("key");

CREATE TABLE "coverage_norm" (
    "id" SERIAL NOT NULL,
    "category_id" INTEGER NOT NULL,
    "target_indicator_id" INTEGER NOT NULL,
    "target_description" TEXT NOT NULL,
    "capacity_per_1000" DOUBLE PRECISION NOT NULL,
    "origin" TEXT NOT NULL,
    "zone_radii_m" INTEGER[],
    "zone_weights" DOUBLE PRECISION[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "coverage_norm_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "coverage_norm_zones_match" CHECK (cardinality("zone_radii_m") = cardinality("zone_weights"))
);
CREATE UNIQUE INDEX "coverage_norm_category_id_key" ON "coverage_norm"("category_id");

CREATE TABLE "service" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "category_id" INTEGER NOT NULL,
    "provider_id" INTEGER,
    "target_groups" "target_group"[],
    "legal_bases" "legal_basis"[],
    "capacity" DOUBLE PRECISION,
    "capacity_unit" "capacity_unit",
    "status" "service_status" NOT NULL DEFAULT 'ACTIVE',
    "start_date" DATE,
    "end_date" DATE,
    "accessibility" "accessibility" NOT NULL DEFAULT 'UNKNOWN',
    "fee" TEXT,
    "opening_hours" JSONB,
    "external_id" TEXT,
    "published" BOOLEAN NOT NULL DEFAULT true,
    "source_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "service_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "service_capacity_non_negative" CHECK ("capacity" IS NULL OR "capacity" >= 0),
    CONSTRAINT "service_dates_ordered" CHECK ("end_date" IS NULL OR "start_date" IS NULL OR "end_date" >= "start_date")
);
CREATE UNIQUE INDEX "service_source_id_external_id_key" ON "service"("source_id", "external_id");
CREATE INDEX "service_category_id_idx" ON "service"("category_id");
CREATE INDEX "service_provider_id_idx" ON "service"("provider_id");

CREATE TABLE "location" (
    "id" SERIAL NOT NULL,
    "name" TEXT,
    "street" TEXT,
    "house_number" TEXT,
    "postal_code" TEXT,
    "city" TEXT,
    "geom" geometry(Point, 4326),
    "area_id" INTEGER,
    "external_id" TEXT,
    "source_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "location_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "location_source_id_external_id_key" ON "location"("source_id", "external_id");
CREATE INDEX "location_area_id_idx" ON "location"("area_id");
CREATE INDEX "location_geom_idx" ON "location" USING GIST ("geom");

CREATE TABLE "service_location" (
    "service_id" INTEGER NOT NULL,
    "location_id" INTEGER NOT NULL,
    "share" DOUBLE PRECISION,
    CONSTRAINT "service_location_pkey" PRIMARY KEY ("service_id", "location_id"),
    CONSTRAINT "service_location_share_range" CHECK ("share" IS NULL OR ("share" > 0 AND "share" <= 1))
);
CREATE INDEX "service_location_location_id_idx" ON "service_location"("location_id");

-- Money
CREATE TABLE "funding" (
    "id" SERIAL NOT NULL,
    "service_id" INTEGER,
    "provider_id" INTEGER,
    "funder" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "kind" "funding_kind" NOT NULL,
    "status" "funding_status" NOT NULL,
    "published" BOOLEAN NOT NULL DEFAULT true,
    "source_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "funding_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "funding_recipient" CHECK ("service_id" IS NOT NULL OR "provider_id" IS NOT NULL),
    CONSTRAINT "funding_amount_non_negative" CHECK ("amount" >= 0)
);
CREATE INDEX "funding_service_id_year_idx" ON "funding"("service_id", "year");
CREATE INDEX "funding_provider_id_year_idx" ON "funding"("provider_id", "year");
CREATE INDEX "funding_year_idx" ON "funding"("year");

CREATE TABLE "price_index" (
    "year" INTEGER NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "base_year" INTEGER NOT NULL,
    "source_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "price_index_pkey" PRIMARY KEY ("year"),
    CONSTRAINT "price_index_positive" CHECK ("value" > 0)
);

-- Plans and participation
CREATE TABLE "plan" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "period_start" INTEGER NOT NULL,
    "period_end" INTEGER NOT NULL,
    "adopted_at" DATE,
    "published" BOOLEAN NOT NULL DEFAULT true,
    "source_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "plan_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "plan_period_ordered" CHECK ("period_end" >= "period_start")
);

CREATE TABLE "plan_reference" (
    "id" SERIAL NOT NULL,
    "plan_id" INTEGER NOT NULL,
    "target_plan_id" INTEGER,
    "title" TEXT NOT NULL,
    "note" TEXT,
    CONSTRAINT "plan_reference_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "plan_reference_plan_id_idx" ON "plan_reference"("plan_id");

CREATE TABLE "goal" (
    "id" SERIAL NOT NULL,
    "plan_id" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "goal_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "goal_plan_id_code_key" ON "goal"("plan_id", "code");

CREATE TABLE "measure" (
    "id" SERIAL NOT NULL,
    "goal_id" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "horizon" "measure_horizon" NOT NULL,
    "responsible_office" TEXT NOT NULL,
    "status" "measure_status" NOT NULL DEFAULT 'NOT_STARTED',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "measure_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "measure_goal_id_code_key" ON "measure"("goal_id", "code");

CREATE TABLE "measure_area" (
    "measure_id" INTEGER NOT NULL,
    "area_id" INTEGER NOT NULL,
    CONSTRAINT "measure_area_pkey" PRIMARY KEY ("measure_id", "area_id")
);
CREATE INDEX "measure_area_area_id_idx" ON "measure_area"("area_id");

CREATE TABLE "measure_indicator" (
    "measure_id" INTEGER NOT NULL,
    "indicator_id" INTEGER NOT NULL,
    CONSTRAINT "measure_indicator_pkey" PRIMARY KEY ("measure_id", "indicator_id")
);
CREATE INDEX "measure_indicator_indicator_id_idx" ON "measure_indicator"("indicator_id");

CREATE TABLE "participation_event" (
    "id" SERIAL NOT NULL,
    "kind" "participation_kind" NOT NULL,
    "title" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "plan_id" INTEGER,
    "participants" INTEGER,
    "addressees" INTEGER,
    "response_rate" DOUBLE PRECISION,
    "outcome" TEXT,
    "source_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "participation_event_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "participation_event_response_rate_range" CHECK ("response_rate" IS NULL OR "response_rate" BETWEEN 0 AND 1)
);
CREATE INDEX "participation_event_date_idx" ON "participation_event"("date");

CREATE TABLE "participation_event_area" (
    "event_id" INTEGER NOT NULL,
    "area_id" INTEGER NOT NULL,
    CONSTRAINT "participation_event_area_pkey" PRIMARY KEY ("event_id", "area_id")
);
CREATE INDEX "participation_event_area_area_id_idx" ON "participation_event_area"("area_id");

-- Foreign keys (Prisma's naming)
ALTER TABLE "area" ADD CONSTRAINT "area_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "area" ADD CONSTRAINT "area_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_denominator_id_fkey" FOREIGN KEY ("denominator_id") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "indicator_value" ADD CONSTRAINT "indicator_value_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "indicator_value" ADD CONSTRAINT "indicator_value_area_id_fkey" FOREIGN KEY ("area_id") REFERENCES "area"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "provider" ADD CONSTRAINT "provider_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "coverage_norm" ADD CONSTRAINT "coverage_norm_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "service_category"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "coverage_norm" ADD CONSTRAINT "coverage_norm_target_indicator_id_fkey" FOREIGN KEY ("target_indicator_id") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "service" ADD CONSTRAINT "service_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "service_category"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "service" ADD CONSTRAINT "service_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "provider"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "service" ADD CONSTRAINT "service_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "location" ADD CONSTRAINT "location_area_id_fkey" FOREIGN KEY ("area_id") REFERENCES "area"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "location" ADD CONSTRAINT "location_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "service_location" ADD CONSTRAINT "service_location_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "service_location" ADD CONSTRAINT "service_location_location_id_fkey" FOREIGN KEY ("location_id") REFERENCES "location"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "funding" ADD CONSTRAINT "funding_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "funding" ADD CONSTRAINT "funding_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "provider"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "funding" ADD CONSTRAINT "funding_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "price_index" ADD CONSTRAINT "price_index_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "plan" ADD CONSTRAINT "plan_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "plan_reference" ADD CONSTRAINT "plan_reference_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "plan_reference" ADD CONSTRAINT "plan_reference_target_plan_id_fkey" FOREIGN KEY ("target_plan_id") REFERENCES "plan"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "goal" ADD CONSTRAINT "goal_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "measure" ADD CONSTRAINT "measure_goal_id_fkey" FOREIGN KEY ("goal_id") REFERENCES "goal"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "measure_area" ADD CONSTRAINT "measure_area_measure_id_fkey" FOREIGN KEY ("measure_id") REFERENCES "measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "measure_area" ADD CONSTRAINT "measure_area_area_id_fkey" FOREIGN KEY ("area_id") REFERENCES "area"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "measure_indicator" ADD CONSTRAINT "measure_indicator_measure_id_fkey" FOREIGN KEY ("measure_id") REFERENCES "measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "measure_indicator" ADD CONSTRAINT "measure_indicator_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "participation_event" ADD CONSTRAINT "participation_event_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plan"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "participation_event" ADD CONSTRAINT "participation_event_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "participation_event_area" ADD CONSTRAINT "participation_event_area_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "participation_event"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "participation_event_area" ADD CONSTRAINT "participation_event_area_area_id_fkey" FOREIGN KEY ("area_id") REFERENCES "area"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A location's area is derived from its point: the finest area containing it. Never typed.
CREATE FUNCTION "location_derive_area"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."geom" IS NULL THEN
    NEW."area_id" := NULL;
  ELSE
    SELECT a."id" INTO NEW."area_id"
      FROM "area" a
     WHERE a."geom" IS NOT NULL AND ST_Covers(a."geom", NEW."geom")
     ORDER BY CASE a."level" WHEN 'PLANNING_AREA' THEN 0 WHEN 'DISTRICT' THEN 1 WHEN 'BOROUGH' THEN 2 ELSE 3 END, a."id"
     LIMIT 1;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "location_derive_area" BEFORE INSERT OR UPDATE OF "geom", "area_id" ON "location"
  FOR EACH ROW EXECUTE FUNCTION "location_derive_area"();
