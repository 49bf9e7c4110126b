-- Suppression that holds, provenance per value, declared additive relations, ratio-of-counts rule.
-- Written by hand to match schema.prisma.

-- Where a stored value came from; derived values are DERIVED.
CREATE TYPE "value_origin" AS ENUM ('SEED', 'IMPORT', 'DERIVED');

-- base_status: the status the value has on its own (as published or derived); status is
-- SUPPRESSED instead while secondary_suppression is set (complementary suppression, see
-- docs/methods.md). Every read path masks status SUPPRESSED, so one column closes every path.
ALTER TABLE "indicator_value"
    ADD COLUMN "base_status" "value_status" NOT NULL DEFAULT 'REGULAR',
    ADD COLUMN "secondary_suppression" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "origin" "value_origin" NOT NULL DEFAULT 'SEED',
    ADD COLUMN "origin_label" TEXT,
    ADD COLUMN "origin_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- Until now a derived value with a suppressed part was stored as SUPPRESSED: that is secondary.
UPDATE "indicator_value" SET "secondary_suppression" = true WHERE "derived" AND "status" = 'SUPPRESSED';
UPDATE "indicator_value" SET "base_status" = "status" WHERE NOT "secondary_suppression";
UPDATE "indicator_value" SET "origin" = 'DERIVED' WHERE "derived";

ALTER TABLE "indicator_value" ADD CONSTRAINT "indicator_value_secondary_status"
    CHECK ("status" = CASE WHEN "secondary_suppression" THEN 'SUPPRESSED'::"value_status" ELSE "base_status" END);

-- Declared additive relations: total = sum of parts, within one area and year
-- (e.g. population = population_male + population_female).
CREATE TABLE "indicator_relation" (
    "id" SERIAL NOT NULL,
    "total_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "indicator_relation_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "indicator_relation_total_id_idx" ON "indicator_relation"("total_id");
ALTER TABLE "indicator_relation" ADD CONSTRAINT "indicator_relation_total_id_fkey" FOREIGN KEY ("total_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "indicator_relation_part" (
    "relation_id" INTEGER NOT NULL,
    "part_id" INTEGER NOT NULL,
    CONSTRAINT "indicator_relation_part_pkey" PRIMARY KEY ("relation_id", "part_id")
);
CREATE INDEX "indicator_relation_part_part_id_idx" ON "indicator_relation_part"("part_id");
ALTER TABLE "indicator_relation_part" ADD CONSTRAINT "indicator_relation_part_relation_id_fkey" FOREIGN KEY ("relation_id") REFERENCES "indicator_relation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "indicator_relation_part" ADD CONSTRAINT "indicator_relation_part_part_id_fkey" FOREIGN KEY ("part_id") REFERENCES "indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Ratio of two counts: value = Σ numerator ÷ Σ denominator × the unit's factor.
ALTER TYPE "aggregation_rule" ADD VALUE 'RATIO_OF_COUNTS';
ALTER TABLE "indicator"
    ADD COLUMN "numerator_id" INTEGER,
    ADD COLUMN "denominator_proxy" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_numerator_id_fkey" FOREIGN KEY ("numerator_id") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Catalogue gaps: safety/crime and areas in square metres.
ALTER TYPE "indicator_topic" ADD VALUE 'SAFETY';
ALTER TYPE "indicator_unit" ADD VALUE 'SQUARE_METRE';
