// Consumer price index (Verbraucherpreisindex, Destatis 61111-0001, 2020 = 100) from
// seed/data/germany/verbraucherpreisindex.csv. Upsert by year; all-or-nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { PrismaClient } from '@sozialatlas/db';
import { inTransaction } from '../db';
import { germanyDataDir } from '../paths';
import { newReport, type ImportReport } from '../report';
import { SOURCES, upsertSource } from '../sources';

export const PRICE_INDEX_BASE_YEAR = 2020;

export async function importPriceIndex(prisma: PrismaClient, options: { file?: string } = {}): Promise<ImportReport> {
  const file = options.file ?? path.join(germanyDataDir(), 'verbraucherpreisindex.csv');
  const report = newReport(path.basename(file));
  const records = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  const years: number[] = [];
  const values: number[] = [];
  records.forEach((r, i) => {
    report.rowsRead++;
    const line = `line ${i + 2}`;
    const year = Number(r.year);
    const value = Number(String(r.vpi_2020_100 ?? '').replace(',', '.'));
    if (!Number.isInteger(year) || year < 1900 || year > 2200) return report.skipped.push({ row: line, reason: `year "${r.year}" is not a year` });
    if (!Number.isFinite(value) || value <= 0) return report.skipped.push({ row: line, reason: `index "${r.vpi_2020_100}" is not a positive number` });
    if (years.includes(year)) return report.skipped.push({ row: line, reason: `duplicate year ${year}` });
    years.push(year);
    values.push(value);
  });
  const base = years.indexOf(PRICE_INDEX_BASE_YEAR);
  if (base >= 0 && Math.abs(values[base]! - 100) > 0.05) report.warnings.push(`index of the base year ${PRICE_INDEX_BASE_YEAR} is ${values[base]}, not 100`);
  return inTransaction(prisma, async (tx) => {
    const source = await upsertSource(tx, SOURCES.priceIndex);
    const written = await tx.$executeRaw`
      INSERT INTO price_index (year, value, base_year, source_id)
      SELECT t.y, t.v, ${PRICE_INDEX_BASE_YEAR}::int, ${source.id}::int FROM unnest(${years}::int[], ${values}::float8[]) AS t(y, v)
      ON CONFLICT (year) DO UPDATE SET value = EXCLUDED.value, base_year = EXCLUDED.base_year, source_id = EXCLUDED.source_id,
        updated_at = now(), version = price_index.version + 1
      WHERE (price_index.value, price_index.base_year, price_index.source_id) IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.base_year, EXCLUDED.source_id)`;
    report.written = source.written + written;
    report.unchanged = years.length - written;
    report.details.years = years.length ? `${Math.min(...years)}–${Math.max(...years)}` : 'none';
    return report;
  });
}
