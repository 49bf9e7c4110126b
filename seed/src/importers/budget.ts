// The city's planned budget (issue 11, item 3): Leipzig's Ergebnishaushalt 2025/2026, blocks
// "Soziales & Jugend" and "Gesundheit", one row per published line. Planned amounts per budget
// product, not grants per provider: they go to `budget_line`, never to `funding`.
// All-or-nothing per file: one bad line refuses the file with every problem listed by line,
// because a budget with a line left out would show a wrong total.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PrismaClient } from '@sozialatlas/db';
import { upsertCategories } from '../categories';
import { inTransaction, type Tx } from '../db';
import { leipzigDataDir } from '../paths';
import { newReport, type ImportReport } from '../report';
import { SOURCES, upsertSource } from '../sources';
import { CITY_CODE } from './districts';

export const BUDGET_FILES = [2025, 2026].flatMap((year) =>
  ['C-soziales-und-jugend', 'D-gesundheit'].map((block) => ({ year, file: `leipzig_ergebnishaushalt_${year}_${block}.json` })),
);
export const PRODUCT_CATEGORIES_FILE = 'product-categories.json';

interface PublishedLine {
  productCode?: unknown;
  description?: unknown;
  amt?: unknown;
  teilhaushalt?: unknown;
  value?: unknown;
  costType?: unknown;
  accountDescription?: unknown;
}

export interface BudgetRow {
  lineNo: number;
  productCode: string;
  productName: string;
  office: string;
  subBudget: string | null;
  costType: string;
  account: string;
  /** EUR as a decimal string with two places */
  amount: string;
}

/** Thrown when a file cannot be imported; `problems` names each line and what is wrong with it. */
export class BudgetFileError extends Error {
  constructor(
    file: string,
    readonly problems: string[],
  ) {
    super(`${file}: not imported, ${problems.length} problem(s):\n  - ${problems.slice(0, 20).join('\n  - ')}${problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ''}`);
  }
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** "Hilfen zum Lebensunterhalt (3111...)" → "Hilfen zum Lebensunterhalt": the code is kept apart. */
export const productName = (description: string) => description.replace(/\s*\([0-9-]+\.{3}\)\s*$/, '').trim();

/**
 * Checks every line of a published block file. Amounts are EUR with at most two decimals (the
 * source has cents); the block must hold lines, and its stated total must match their sum.
 */
export function parseBudgetFile(file: string, raw: unknown): { block: string; rows: BudgetRow[] } {
  const problems: string[] = [];
  const data = raw as { id?: unknown; name?: unknown; value?: unknown; products?: unknown };
  const blockId = text(data?.id);
  const blockName = text(data?.name);
  if (!blockId || !blockName || !Array.isArray(data.products)) throw new BudgetFileError(file, ['expected a block with "id", "name" and a list "products"']);
  const rows: BudgetRow[] = [];
  let cents = 0n;
  (data.products as PublishedLine[]).forEach((line, i) => {
    const at = `line ${i + 1}`;
    const productCode = text(line.productCode);
    const description = text(line.description);
    const office = text(line.amt);
    const costType = text(line.costType);
    const account = text(line.accountDescription);
    const missing = Object.entries({ productCode, description, amt: office, costType, accountDescription: account }).filter(([, v]) => v === null);
    if (missing.length) problems.push(`${at}: ${missing.map(([k]) => `"${k}"`).join(', ')} missing`);
    if (productCode && !/^[0-9]{4}(-[0-9]{3})?$/.test(productCode)) problems.push(`${at}: product code "${productCode}" is not a budget product (4 digits, optionally -office)`);
    const value = line.value;
    if (typeof value !== 'number' || !Number.isFinite(value)) problems.push(`${at}: amount ${JSON.stringify(value)} is not a number of euros`);
    else if (Math.abs(value * 100 - Math.round(value * 100)) > 1e-6) problems.push(`${at}: amount ${value} has more than two decimals (EUR and cents expected)`);
    else if (Math.abs(value) >= 1e12) problems.push(`${at}: amount ${value} is out of range`);
    if (problems.length) return;
    const lineCents = BigInt(Math.round((value as number) * 100));
    cents += lineCents;
    rows.push({
      lineNo: i + 1,
      productCode: productCode!,
      productName: productName(description!),
      office: office!,
      subBudget: text(line.teilhaushalt),
      costType: costType!,
      account: account!,
      amount: centsToEuros(lineCents),
    });
  });
  if (rows.length === 0 && problems.length === 0) problems.push('the block has no lines');
  if (problems.length === 0 && typeof data.value === 'number' && Math.abs(Number(cents) / 100 - data.value) > 0.5) {
    problems.push(`the lines add up to ${centsToEuros(cents)} EUR, the block states ${data.value} EUR`);
  }
  if (problems.length) throw new BudgetFileError(file, problems);
  return { block: `${blockId} ${blockName}`, rows };
}

function centsToEuros(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** The product → category links; an unknown category key refuses the file. */
async function productCategories(tx: Tx, file: string): Promise<Map<string, number>> {
  const { links } = JSON.parse(readFileSync(file, 'utf8')) as { links: { product: string; category: string }[] };
  const { ids: byKey } = await upsertCategories(tx);
  const problems = links.filter((l) => !byKey.has(l.category)).map((l) => `product ${l.product}: category "${l.category}" does not exist`);
  const seen = new Set<string>();
  for (const l of links) {
    if (seen.has(l.product)) problems.push(`product ${l.product} is linked twice`);
    seen.add(l.product);
  }
  if (problems.length) throw new BudgetFileError(path.basename(file), problems);
  return new Map(links.map((l) => [l.product, byKey.get(l.category)!]));
}

/**
 * Imports one block file of one plan year: replaces that year's lines of the block when anything
 * differs (lines have no key of their own but their place in the file), else writes nothing.
 */
async function importBlock(prisma: PrismaClient, year: number, file: string, categoriesFile: string): Promise<ImportReport> {
  const report = newReport(path.basename(file));
  const { block, rows } = parseBudgetFile(path.basename(file), JSON.parse(readFileSync(file, 'utf8')));
  report.rowsRead = rows.length;
  return inTransaction(prisma, async (tx) => {
    const source = await upsertSource(tx, SOURCES.leipzigBudget);
    report.written += source.written;
    const [city] = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM area WHERE code = ${CITY_CODE} AND level = 'CITY'`;
    if (!city) throw new Error('the budget needs the city area: import the districts first');
    const categoryOf = await productCategories(tx, categoriesFile);
    const categoryIds = rows.map((r) => categoryOf.get(r.productCode) ?? null);
    const cols = {
      lineNo: rows.map((r) => r.lineNo), code: rows.map((r) => r.productCode), name: rows.map((r) => r.productName),
      office: rows.map((r) => r.office), sub: rows.map((r) => r.subBudget), cost: rows.map((r) => r.costType),
      account: rows.map((r) => r.account), amount: rows.map((r) => r.amount),
    };
    const [same] = await tx.$queryRaw<{ same: boolean }[]>`
      WITH incoming AS (
        SELECT * FROM unnest(${cols.lineNo}::int[], ${cols.code}::text[], ${cols.name}::text[], ${cols.office}::text[], ${cols.sub}::text[],
                             ${cols.cost}::text[], ${cols.account}::text[], ${cols.amount}::numeric[], ${categoryIds}::int[])
                 AS t(line_no, product_code, product_name, office, sub_budget, cost_type, account, amount, category_id)
      ),
      stored AS (
        SELECT line_no, product_code, product_name, office, sub_budget, cost_type, account, amount, category_id FROM budget_line
         WHERE city_id = ${city.id}::int AND year = ${year}::int AND block = ${block} AND source_id = ${source.id}::int
      )
      SELECT NOT EXISTS (SELECT * FROM incoming EXCEPT SELECT * FROM stored)
         AND NOT EXISTS (SELECT * FROM stored EXCEPT SELECT * FROM incoming) AS same`;
    if (same?.same) {
      report.unchanged = rows.length;
    } else {
      await tx.$executeRaw`DELETE FROM budget_line WHERE city_id = ${city.id}::int AND year = ${year}::int AND block = ${block}`;
      report.written += await tx.$executeRaw`
        INSERT INTO budget_line (city_id, year, block, line_no, product_code, product_name, office, sub_budget, cost_type, account, amount, category_id, source_id)
        SELECT ${city.id}::int, ${year}::int, ${block}, t.line_no, t.product_code, t.product_name, t.office, t.sub_budget, t.cost_type, t.account, t.amount,
               t.category_id, ${source.id}::int
          FROM unnest(${cols.lineNo}::int[], ${cols.code}::text[], ${cols.name}::text[], ${cols.office}::text[], ${cols.sub}::text[],
                      ${cols.cost}::text[], ${cols.account}::text[], ${cols.amount}::numeric[], ${categoryIds}::int[])
               AS t(line_no, product_code, product_name, office, sub_budget, cost_type, account, amount, category_id)`;
    }
    const products = new Set(rows.map((r) => r.productCode));
    report.details = {
      year,
      block,
      products: products.size,
      linkedProducts: [...products].filter((p) => categoryOf.has(p)).length,
      totalEur: centsToEuros(rows.reduce((sum, r) => sum + BigInt(r.amount.replace('.', '')), 0n)),
    };
    return report;
  });
}

export async function importBudget(prisma: PrismaClient, options: { dir?: string } = {}): Promise<ImportReport[]> {
  const dir = options.dir ?? path.join(leipzigDataDir(), 'budget');
  const reports: ImportReport[] = [];
  for (const { year, file } of BUDGET_FILES) reports.push(await importBlock(prisma, year, path.join(dir, file), path.join(dir, PRODUCT_CATEGORIES_FILE)));
  return reports;
}
