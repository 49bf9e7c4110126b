-- Plans modelled on real ones (issue 11, item 6): fields of action (Handlungsfelder) between a
-- plan and its goals, as in Gera's Integrierter Kommunaler Sozialplan 2024–2028; a flag on every
-- text that is a placeholder rather than taken from a real plan; a link for named references.
-- Written by hand to match schema.prisma.

CREATE TABLE "plan_field" (
    "id" SERIAL NOT NULL,
    "plan_id" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "placeholder" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "plan_field_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "plan_field_plan_id_code_key" ON "plan_field"("plan_id", "code");
-- (id, plan_id) is the target of the goal's composite key below: a goal's field is of its own plan
CREATE UNIQUE INDEX "plan_field_id_plan_id_key" ON "plan_field"("id", "plan_id");
ALTER TABLE "plan_field" ADD CONSTRAINT "plan_field_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "goal" ADD COLUMN "field_id" INTEGER;
ALTER TABLE "goal" ADD COLUMN "placeholder" BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX "goal_field_id_idx" ON "goal"("field_id");
ALTER TABLE "goal" ADD CONSTRAINT "goal_field_id_plan_id_fkey" FOREIGN KEY ("field_id", "plan_id") REFERENCES "plan_field"("id", "plan_id") ON DELETE NO ACTION ON UPDATE CASCADE;

ALTER TABLE "measure" ADD COLUMN "placeholder" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "plan_reference" ADD COLUMN "url" TEXT;
