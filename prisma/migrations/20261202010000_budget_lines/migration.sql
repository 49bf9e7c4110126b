-- The city's planned budget (Ergebnishaushalt 2025/2026, issue 11): one row per published line.
-- Planned amounts per budget product, not grants per provider, so a table of its own beside
-- "funding". Written by hand to match schema.prisma.

CREATE TABLE "budget_line" (
    "id" SERIAL NOT NULL,
    "city_id" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "block" TEXT NOT NULL,
    "line_no" INTEGER NOT NULL,
    "product_code" TEXT NOT NULL,
    "product_name" TEXT NOT NULL,
    "office" TEXT NOT NULL,
    "sub_budget" TEXT,
    "cost_type" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "category_id" INTEGER,
    "source_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "budget_line_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "budget_line_year_range" CHECK ("year" BETWEEN 1990 AND 2100),
    CONSTRAINT "budget_line_line_no_positive" CHECK ("line_no" > 0)
);
CREATE UNIQUE INDEX "budget_line_city_id_year_block_line_no_key" ON "budget_line"("city_id", "year", "block", "line_no");
CREATE INDEX "budget_line_city_id_year_product_code_idx" ON "budget_line"("city_id", "year", "product_code");
ALTER TABLE "budget_line" ADD CONSTRAINT "budget_line_city_id_fkey" FOREIGN KEY ("city_id") REFERENCES "area"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "budget_line" ADD CONSTRAINT "budget_line_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "service_category"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "budget_line" ADD CONSTRAINT "budget_line_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
