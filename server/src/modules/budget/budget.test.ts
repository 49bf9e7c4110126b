import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BUDGET_FILES, BudgetFileError, importBudget, parseBudgetFile } from '@sozialatlas/seed';
import { useSeededGraphQL } from '../../../test/graphql';
import type { Caller } from '../auth/caller';
import { inPricesOf, perPerson, planYearIndex } from './budget.compute';

const budgetDir = path.join(__dirname, '..', '..', '..', '..', 'seed', 'data', 'leipzig', 'budget');
const statistics: Caller = { role: 'STATISTICS', canSeeSuppressed: true, canSeeUnpublished: true };

/** Cents of every published line of a plan year, straight from the shipped files: the oracle. */
function publishedCents(year: number, product?: string): number {
  let cents = 0;
  for (const { file } of BUDGET_FILES.filter((f) => f.year === year)) {
    const { products } = JSON.parse(readFileSync(path.join(budgetDir, file), 'utf8')) as { products: { productCode: string; value: number }[] };
    for (const line of products) if (!product || line.productCode === product) cents += Math.round(line.value * 100);
  }
  return cents;
}

const QUERY = `query($year: Int!, $codes: [String!], $inflation: Float, $base: Int) {
  budget(year: $year, productCodes: $codes, assumedInflationPercent: $inflation, baseYear: $base) {
    year planned real baseYear priceIndex priceIndexAssumed perResident method
    residents { value year indicatorKey }
    city { code name }
    sources { key licence attribution }
    products { code name block offices planned real perResident perTargetPerson lineCount
      category { key } targetPopulation { value year indicatorKey } targetNote costTypes { costType planned } }
  }
}`;

describe('city budget (Haushalt 2025/2026)', () => {
  const { db, gql } = useSeededGraphQL();

  it('holds every published line: totals per year match the files to the cent', async () => {
    const { budgetYears } = await gql.data(`{ budgetYears }`);
    expect(budgetYears).toEqual([2025, 2026]);
    for (const year of [2025, 2026]) {
      const { budget } = await gql.data(QUERY, { year });
      expect(Math.round(Number(budget.planned) * 100)).toBe(publishedCents(year));
      expect(budget.city.code).toBe('14713000');
      expect(budget.sources[0]).toMatchObject({ key: 'leipzig-haushalt-2025-2026', licence: 'Datenlizenz Deutschland – Namensnennung 2.0' });
      // planned amounts, not grants per provider: the answer says so
      expect(budget.method).toMatch(/not grants paid to providers/);
    }
  });

  it('sums a product over its lines and cost types, links clear products to their category only', async () => {
    const { budget } = await gql.data(QUERY, { year: 2025, codes: ['3650', '3636', '3310'] });
    const byCode = Object.fromEntries(budget.products.map((p: { code: string }) => [p.code, p]));
    for (const code of ['3650', '3636', '3310']) {
      expect(Math.round(Number(byCode[code].planned) * 100)).toBe(publishedCents(2025, code));
      const costTypeCents = byCode[code].costTypes.reduce((s: number, c: { planned: string }) => s + Math.round(Number(c.planned) * 100), 0);
      expect(costTypeCents).toBe(publishedCents(2025, code));
    }
    expect(byCode['3650']).toMatchObject({ name: 'Kindertageseinricht./-pflege', category: { key: 'day_care' }, offices: ['51 - Amt für Jugend und Familie'] });
    expect(byCode['3636'].category).toEqual({ key: 'youth_social_work' });
    // welfare associations as a whole: no single category, so no per-target figure
    expect(byCode['3310']).toMatchObject({ category: null, perTargetPerson: null, targetPopulation: null });
    expect(budget.products.map((p: { planned: string }) => Number(p.planned))).toEqual(
      budget.products.map((p: { planned: string }) => Number(p.planned)).sort((a: number, b: number) => b - a),
    );
  });

  it('real terms: null without a price index for the plan year, projected only on a stated assumption', async () => {
    const plain = (await gql.data(QUERY, { year: 2025, codes: ['3440'] })).budget;
    expect(plain.products[0].planned).toBe('134075.46');
    expect(plain).toMatchObject({ real: null, priceIndex: null, priceIndexAssumed: false, baseYear: 2020 });
    expect(plain.method).toMatch(/no value for 2025/);
    // an empty variable is no assumption either (not 0 %)
    const empty = (await gql.data(QUERY, { year: 2025, codes: ['3440'], inflation: null })).budget;
    expect(empty).toMatchObject({ real: null, priceIndex: null, priceIndexAssumed: false });

    // by hand: VPI 2024 = 119.3 (2020 = 100); 2 % for one year → 121.686; 134,075.46 × 100 / 121.686 = 110,181.50
    const assumed = (await gql.data(QUERY, { year: 2025, codes: ['3440'], inflation: 2 })).budget;
    expect(assumed.priceIndexAssumed).toBe(true);
    expect(assumed.priceIndex).toBeCloseTo(121.686, 6);
    expect(assumed.products[0].real).toBe('110181.50');
    expect(assumed.method).toMatch(/VPI\(2024\) = 119.3 × \(1 \+ 2 %\)\^1/);
    // two years ahead: 119.3 × 1.02² = 124.11972, in prices of 2024 (119.3)
    const later = (await gql.data(QUERY, { year: 2026, codes: ['3440'], inflation: 2, base: 2024 })).budget;
    expect(Number(later.products[0].planned)).toBe(publishedCents(2026, '3440') / 100);
    expect(later.products[0].real).toBe(inPricesOf(later.products[0].planned, 119.3, 119.3 * 1.02 ** 2));
  });

  it('per resident and per target person use the latest visible count up to the plan year', async () => {
    const { budget } = await gql.data(QUERY, { year: 2025, codes: ['3650'] });
    expect(budget.residents).toMatchObject({ indicatorKey: 'population', year: 2023 });
    const [pop] = await db.prisma.$queryRaw<{ value: number }[]>`
      SELECT v.value FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id JOIN area a ON a.id = v.area_id
       WHERE i.key = 'population' AND a.code = '14713000' AND v.year = 2023`;
    expect(budget.residents.value).toBe(pop!.value);
    const product = budget.products[0];
    expect(product.perResident).toBe(perPerson(product.planned, pop!.value));
    // day care's norm counts all residents as a proxy for children under 6: no per-child figure is made up
    expect(product).toMatchObject({ perTargetPerson: null, targetPopulation: null });
    expect(product.targetNote).toMatch(/Näherung: Einwohner insgesamt/);
  });

  it('per target person where the target group has a count of its own', async () => {
    const [norm] = await db.prisma.$queryRaw<{ id: number; target: number }[]>`
      SELECT n.id, n.target_indicator_id AS target FROM coverage_norm n JOIN service_category c ON c.id = n.category_id WHERE c.key = 'day_care'`;
    await db.prisma.$executeRaw`UPDATE coverage_norm SET target_indicator_id = (SELECT id FROM indicator WHERE key = 'sgb2_recipients') WHERE id = ${norm!.id}`;
    try {
      const product = (await gql.data(QUERY, { year: 2025, codes: ['3650'] })).budget.products[0];
      const [count] = await db.prisma.$queryRaw<{ value: number; year: number }[]>`
        SELECT v.value, v.year FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id JOIN area a ON a.id = v.area_id
         WHERE i.key = 'sgb2_recipients' AND a.code = '14713000' AND v.year <= 2025 AND v.value IS NOT NULL ORDER BY v.year DESC LIMIT 1`;
      expect(product.targetPopulation).toEqual({ value: count!.value, year: count!.year, indicatorKey: 'sgb2_recipients' });
      expect(product.perTargetPerson).toBe(perPerson(product.planned, count!.value));
    } finally {
      await db.prisma.$executeRaw`UPDATE coverage_norm SET target_indicator_id = ${norm!.target} WHERE id = ${norm!.id}`;
    }
  });

  it('a suppressed count is never used for callers who may not see it', async () => {
    await db.prisma.$executeRaw`
      UPDATE indicator_value v SET status = 'SUPPRESSED', base_status = 'SUPPRESSED' FROM indicator i, area a
       WHERE i.id = v.indicator_id AND a.id = v.area_id AND i.key = 'population' AND a.code = '14713000' AND v.year = 2023`;
    try {
      const anonymous = (await gql.data(QUERY, { year: 2025, codes: ['3650'] })).budget;
      expect(anonymous.residents.year).toBe(2022);
      const staff = (await gql.data(QUERY, { year: 2025, codes: ['3650'] }, statistics)).budget;
      expect(staff.residents.year).toBe(2023);
    } finally {
      await db.prisma.$executeRaw`
        UPDATE indicator_value v SET status = 'REGULAR', base_status = 'REGULAR' FROM indicator i, area a
         WHERE i.id = v.indicator_id AND a.id = v.area_id AND i.key = 'population' AND a.code = '14713000' AND v.year = 2023`;
    }
  });

  it('refuses impossible arguments with a clear message', async () => {
    for (const [variables, argument] of [
      [{ year: 2025, inflation: 50 }, 'assumedInflationPercent'],
      [{ year: 2025, base: 1950 }, 'baseYear'],
      [{ year: 2300 }, 'year'],
    ] as const) {
      const result = await gql.run(QUERY, variables);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(argument);
    }
    const unknown = await gql.run(`{ budget(year: 2025, cityCode: "99999999") { year } }`);
    expect(unknown.errors?.[0]?.message).toMatch(/no city with the key 99999999/);
    expect((await gql.data(`{ budget(year: 2019) { year } }`)).budget).toBeNull();
  });

  it('import: a file with bad lines is refused whole, with every line named, and nothing changes', async () => {
    const good = JSON.parse(readFileSync(path.join(budgetDir, BUDGET_FILES[0]!.file), 'utf8'));
    const broken = structuredClone(good);
    broken.products[4].value = 'zwölf';
    broken.products[9].productCode = '';
    broken.products[11].value = 10.005;
    expect(() => parseBudgetFile('x.json', broken)).toThrow(BudgetFileError);
    try {
      parseBudgetFile('x.json', broken);
    } catch (error) {
      expect((error as BudgetFileError).problems).toEqual([
        'line 5: amount "zwölf" is not a number of euros',
        'line 10: "productCode" missing',
        'line 12: amount 10.005 has more than two decimals (EUR and cents expected)',
      ]);
    }
    const wrongTotal = { ...structuredClone(good), value: good.value + 1000 };
    expect(() => parseBudgetFile('x.json', wrongTotal)).toThrow(/add up to .* the block states/);

    const [before] = await db.prisma.$queryRaw<{ n: number; total: string }[]>`SELECT count(*)::int AS n, sum(amount)::text AS total FROM budget_line`;
    const dir = mkdtempSync(path.join(tmpdir(), 'budget-'));
    try {
      for (const f of [...BUDGET_FILES.map((b) => b.file), 'product-categories.json']) copyFileSync(path.join(budgetDir, f), path.join(dir, f));
      // the last file is the broken one: the earlier files of the run are unchanged (idempotent), the broken one refused
      writeFileSync(path.join(dir, BUDGET_FILES[BUDGET_FILES.length - 1]!.file), JSON.stringify({ ...broken, id: 'D', name: 'Gesundheit' }));
      await expect(importBudget(db.prisma, { dir })).rejects.toThrow(/not imported, 3 problem/);
      const [after] = await db.prisma.$queryRaw<{ n: number; total: string }[]>`SELECT count(*)::int AS n, sum(amount)::text AS total FROM budget_line`;
      expect(after).toEqual(before);

      // a second run of the shipped files writes nothing
      copyFileSync(path.join(budgetDir, BUDGET_FILES[BUDGET_FILES.length - 1]!.file), path.join(dir, BUDGET_FILES[BUDGET_FILES.length - 1]!.file));
      const reports = await importBudget(db.prisma, { dir });
      expect(reports.map((r) => r.written)).toEqual([0, 0, 0, 0]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('budget arithmetic', () => {
  it('projects a plan year’s price index only on an assumption', () => {
    const index = [
      { year: 2023, value: 116.7 },
      { year: 2024, value: 119.3 },
    ];
    expect(planYearIndex(index, 2024)).toEqual({ value: 119.3, assumed: false });
    expect(planYearIndex(index, 2026)).toEqual({ value: null, assumed: false });
    expect(planYearIndex(index, 2026, 2).value).toBeCloseTo(124.11972, 9);
    expect(planYearIndex([], 2026, 2)).toEqual({ value: null, assumed: false });
  });

  it('rounds money to cents, half up, and refuses per-person figures without persons', () => {
    expect(inPricesOf('100.00', 100, 110)).toBe('90.91');
    expect(inPricesOf('0.05', 1, 2)).toBe('0.03');
    expect(inPricesOf('100.00', 100, null)).toBeNull();
    expect(perPerson('1000.00', 3)).toBe('333.33');
    expect(perPerson('1000.00', 0)).toBeNull();
    expect(perPerson('1000.00', null)).toBeNull();
  });
});
