import path from 'node:path';
import { deriveAggregates, type Database } from '@sozialatlas/db';
import { openMigratedDatabase } from '../../../server/test/db';
import { fixtureDir, kd, tinyDistricts } from '../test/fixtures';
import { importDistricts } from './districts';
import { importStatistics } from './statistics';

let db: Database;
beforeEach(async () => {
  db = await openMigratedDatabase();
  const dir = fixtureDir({ 'd.json': tinyDistricts() });
  await importDistricts(db.prisma, { file: path.join(dir, 'd.json') });
});
afterEach(() => db?.close());

const value = async (key: string, code: string, year: number) => {
  const rows = await db.prisma.$queryRaw<{ value: number | null; status: string; derived: boolean }[]>`
    SELECT v.value, v.status::text, v.derived FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id JOIN area a ON a.id = v.area_id
     WHERE i.key = ${key} AND a.code = ${code} AND v.year = ${year}`;
  return rows[0] ?? null;
};

const files = () =>
  fixtureDir({
    'leipzig-einwohner-insgesamt.json': kd('Einwohner insgesamt', {
      '2020': {
        'Einwohner insgesamt': [{ value: 100, district: 'A' }, { value: 300, district: 'B' }, { value: 600, district: 'C' }, { value: 5, district: 'Atlantis' }],
        Katzen: [{ value: 7, district: 'A' }],
      },
      '2021': { 'Einwohner insgesamt': [{ value: 110, district: 'A' }, { value: 310, district: 'B' }, { value: null, district: 'C' }] },
      '2022': { 'Einwohner insgesamt': [{ value: 120, district: 'A' }, { value: 320, district: 'B' }] },
    }),
    'leipzig-bedarfsgemeinschaften.json': kd('Bedarfsgemeinschaften', {
      '2020': { 'SGB-II-Quote': [{ value: 10, district: 'A' }, { value: 20, district: 'B' }, { value: 5, district: 'C' }] },
    }),
  });

test('sums and population-weighted means are derived by hand-checkable rules; problems are reported', async () => {
  const report = await importStatistics(db.prisma, { dir: files() });
  // unknown district: reported with file, year, sub-indicator and name, not imported
  expect(report.skipped).toContainEqual({ row: 'leipzig-einwohner-insgesamt.json › 2020 › Einwohner insgesamt › "Atlantis"', reason: 'district name matches no Ortsteil exactly' });
  // unmapped sub-indicator: reported, never guessed
  expect(report.skipped).toContainEqual({ row: 'leipzig-einwohner-insgesamt.json › Katzen', reason: expect.stringMatching(/not in statistics\.mapping\.ts/) });
  const [n] = await db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM indicator_value v JOIN area a ON a.id = v.area_id WHERE a.level = 'DISTRICT'`;
  expect(n!.n).toBe(3 + 3 + 2 + 3);

  expect(await value('population', '0', 2020)).toEqual({ value: 400, status: 'REGULAR', derived: true });
  expect(await value('population', '14713000', 2020)).toEqual({ value: 1000, status: 'REGULAR', derived: true });
  // SGB-II-Quote weighted by population: Mitte (10·100 + 20·300) / 400 = 17.5; city (1000 + 6000 + 3000) / 1000 = 10
  expect(await value('sgb2_rate', '0', 2020)).toEqual({ value: 17.5, status: 'REGULAR', derived: true });
  expect(await value('sgb2_rate', '14713000', 2020)).toEqual({ value: 10, status: 'REGULAR', derived: true });
  // 2021: C suppressed → Stadtbezirk 1 and the city are suppressed too, Mitte is not
  expect(await value('population', '0', 2021)).toEqual({ value: 420, status: 'REGULAR', derived: true });
  expect(await value('population', '1', 2021)).toEqual({ value: null, status: 'SUPPRESSED', derived: true });
  expect(await value('population', '14713000', 2021)).toEqual({ value: null, status: 'SUPPRESSED', derived: true });
  // 2022: C missing → no value for Stadtbezirk 1 nor for the city (reported), Mitte derived
  expect(await value('population', '0', 2022)).toMatchObject({ value: 440 });
  expect(await value('population', '1', 2022)).toBeNull();
  expect(await value('population', '14713000', 2022)).toBeNull();
  // incomplete: the city in 2022 (1 of 2 Stadtbezirke); Stadtbezirk 1 has no part at all, so nothing to derive
  expect(report.details.derived).toMatchObject({ incomplete: 1, suppressed: 2 });
  expect(report.warnings).toContainEqual(expect.stringMatching(/1 Stadtbezirk\/city values not derived: parts missing/));

  const again = await importStatistics(db.prisma, { dir: files() });
  expect(again.written).toBe(0);
  expect(await deriveAggregates(db.prisma)).toMatchObject({ written: 0, removed: 0 });

  // after a part is deleted, re-deriving removes the parent values that relied on it
  await db.prisma.$executeRaw`
    DELETE FROM indicator_value WHERE year = 2020 AND area_id = (SELECT id FROM area WHERE code = '10')
       AND indicator_id = (SELECT id FROM indicator WHERE key = 'population')`;
  expect(await deriveAggregates(db.prisma)).toMatchObject({ written: 0, removed: 2 + 2 }); // population and sgb2_rate (weight missing): Stadtbezirk 1 and city
  expect(await value('population', '14713000', 2020)).toBeNull();
  expect(await value('sgb2_rate', '14713000', 2020)).toBeNull();
  expect(await value('sgb2_rate', '0', 2020)).toMatchObject({ value: 17.5 });
});

test('a malformed file midway leaves the database unchanged', async () => {
  const dir = fixtureDir({
    'leipzig-arbeitslose-insgesamt.json': kd('Arbeitslose', { '2020': { 'Arbeitslose insgesamt': [{ value: 1, district: 'A' }] } }),
    'leipzig-einwohner-insgesamt.json': kd('Einwohner', { '2020': { 'Einwohner insgesamt': [{ value: 100, district: 'A' }, { value: 3 } as never] } }),
  });
  await expect(importStatistics(db.prisma, { dir })).rejects.toThrow(/leipzig-einwohner-insgesamt\.json › 2020 › Einwohner insgesamt › row 1: malformed row/);
  const [counts] = await db.prisma.$queryRaw<{ sources: number; indicators: number; values: number }[]>`
    SELECT (SELECT count(*) FROM source WHERE key = 'leipzig-statistik')::int AS sources, (SELECT count(*) FROM indicator)::int AS indicators,
           (SELECT count(*) FROM indicator_value)::int AS values`;
  expect(counts).toEqual({ sources: 0, indicators: 0, values: 0 });
});

test('reports every unmapped sub-indicator, not the first 15, and checks values like the CSV import', async () => {
  const subs = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`Merkmal ${i + 1}`, [{ value: i, district: 'A' }]]));
  const dir = fixtureDir({
    'leipzig-einwohner-insgesamt.json': kd('Einwohner', { '2020': { 'Einwohner insgesamt': [{ value: 100, district: 'A' }, { value: 2.5, district: 'B' }], ...subs } }),
  });
  const report = await importStatistics(db.prisma, { dir });
  expect(report.details.unmapped).toHaveLength(20);
  expect(report.details.unmapped).toContain('leipzig-einwohner-insgesamt.json › Merkmal 20 (1 rows, 2020–2020)');
  // the same unit check as import-values: a count must be a whole number
  expect(report.skipped).toContainEqual({
    row: 'leipzig-einwohner-insgesamt.json › 2020 › Einwohner insgesamt › "B"',
    reason: '2.5 passt nicht zur Einheit des Indikators „population“: eine ganze Anzahl.',
  });
});
