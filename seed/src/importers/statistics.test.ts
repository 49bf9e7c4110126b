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
  expect(report.skipped).toContainEqual({ row: 'leipzig-einwohner-insgesamt.json › 2020 › Einwohner insgesamt › "Atlantis"', reason: 'Ortsteil „Atlantis“ ist unbekannt (kein Ortsteil heißt genau so) / district name matches no Ortsteil exactly' });
  // unmapped sub-indicator: reported, never guessed
  expect(report.skipped).toContainEqual({ row: 'leipzig-einwohner-insgesamt.json › Katzen', reason: expect.stringMatching(/^Merkmal nicht in der Zuordnung \(leipzig\/statistics\.mapping\.json\): 1 Zeilen \(2020–2020\) nicht importiert \/ sub-indicator not in the mapping/) });
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
    reason: '2.5 passt nicht zur Einheit des Indikators „population“: eine ganze Anzahl. / 2.5 does not fit the unit of indicator "population": a whole number.',
  });
});

// A new statistics file of the published shape, with its indicator, as data only: the mapping file
// beside it says everything (no TypeScript, no rebuild).
const newSource = () => ({
  indicators: [
    { key: 'population', name: 'Einwohner', nameEn: 'Residents', description: 'Einwohner.', unit: 'COUNT', topic: 'DEMOGRAPHY', polarity: 'NEUTRAL', aggregation: 'SUM' },
    { key: 'crimes_per_1000', name: 'Straftaten je 1.000 Einwohner', nameEn: 'Crimes per 1,000 residents', description: 'Polizeiliche Kriminalstatistik.', unit: 'PER_THOUSAND', topic: 'SAFETY', polarity: 'HIGHER_IS_WORSE', aggregation: 'WEIGHTED_MEAN', denominator: 'population', denominatorProxy: true },
    { key: 'green_space', name: 'Grünfläche', nameEn: 'Green space', description: 'Öffentliche Grünfläche.', unit: 'SQUARE_METRE', topic: 'HOUSING', polarity: 'HIGHER_IS_BETTER', aggregation: 'SUM' },
    { key: 'tenure_share', name: 'Eigentümerquote', nameEn: 'Owner-occupier share', description: 'Anteil der Wohnungen im Eigentum.', unit: 'PERCENT', topic: 'HOUSING', polarity: 'NEUTRAL', aggregation: 'NOT_DERIVABLE' },
  ],
  files: [
    { file: 'leipzig-einwohner-insgesamt.json', priority: 1, subIndicators: { 'Einwohner insgesamt': 'population' } },
    {
      file: 'leipzig-sicherheit.json',
      priority: 1,
      subIndicators: {
        'Straftaten je 1.000 EW': 'crimes_per_1000',
        'Grünfläche m²': { indicator: 'green_space', fromYear: 2021 },
        // published as a share 0–1: stored in percent
        Eigentümerquote: { indicator: 'tenure_share', scale: 100 },
      },
    },
  ],
});

test('a new kdvalues file and its mapping entry are imported from data alone, with scale and year range', async () => {
  const dir = fixtureDir({
    'statistics.mapping.json': newSource(),
    'leipzig-einwohner-insgesamt.json': kd('Einwohner', { '2021': { 'Einwohner insgesamt': [{ value: 100, district: 'A' }, { value: 300, district: 'B' }, { value: 600, district: 'C' }] } }),
    'leipzig-sicherheit.json': kd('Sicherheit', {
      '2020': { 'Grünfläche m²': [{ value: 1, district: 'A' }] },
      '2021': {
        // 1,250 per 1,000 is refused by no one: few residents, many offences (a station district)
        'Straftaten je 1.000 EW': [{ value: 1250, district: 'A' }, { value: 50, district: 'B' }, { value: 25, district: 'C' }],
        'Grünfläche m²': [{ value: 5000, district: 'A' }, { value: 2500.5, district: 'B' }, { value: 0, district: 'C' }],
        Eigentümerquote: [{ value: 0.123, district: 'A' }, { value: 0.2, district: 'B' }, { value: 1.5, district: 'C' }],
      },
    }),
  });
  const report = await importStatistics(db.prisma, { dir });
  expect(report.details.mapping).toBe('statistics.mapping.json');
  expect(await value('crimes_per_1000', '00', 2021)).toEqual({ value: 1250, status: 'REGULAR', derived: false });
  // Mitte: (1250·100 + 50·300) / 400 = 350
  expect(await value('crimes_per_1000', '0', 2021)).toEqual({ value: 350, status: 'REGULAR', derived: true });
  expect(await value('green_space', '14713000', 2021)).toEqual({ value: 7500.5, status: 'REGULAR', derived: true });
  expect(await value('green_space', '00', 2020)).toBeNull();
  expect(report.skipped).toContainEqual({ row: 'leipzig-sicherheit.json › Grünfläche m²', reason: expect.stringMatching(/^1 Jahre außerhalb 2021–… laut Zuordnung nicht importiert/) });
  expect(await value('tenure_share', '00', 2021)).toMatchObject({ value: 12.3 });
  // 1.5 × 100 = 150 % cannot be a share: refused by the same unit check as the CSV import
  expect(report.skipped).toContainEqual({ row: 'leipzig-sicherheit.json › 2021 › Eigentümerquote › "C"', reason: expect.stringMatching(/^150 passt nicht zur Einheit .*Prozent \(0–100\)\. \/ 150 does not fit the unit/) });
  const [topic] = await db.prisma.$queryRaw<{ topic: string; unit: string }[]>`SELECT topic::text, unit::text FROM indicator WHERE key = 'crimes_per_1000'`;
  expect(topic).toEqual({ topic: 'SAFETY', unit: 'PER_THOUSAND' });
});

test('a broken mapping file stops the import before anything is written, naming file, JSON path and problem', async () => {
  const mapping = newSource();
  (mapping.files[1]!.subIndicators as Record<string, unknown>)['Straftaten je 1.000 EW'] = 'crimes';
  const dir = fixtureDir({ 'statistics.mapping.json': mapping, 'leipzig-einwohner-insgesamt.json': kd('E', { '2021': { 'Einwohner insgesamt': [{ value: 1, district: 'A' }] } }) });
  await expect(importStatistics(db.prisma, { dir })).rejects.toThrow(
    'statistics.mapping.json /files/1/subIndicators/Straftaten je 1.000 EW: Indikator „crimes“ ist unter /indicators nicht definiert / indicator "crimes" is not defined in /indicators',
  );
  const [n] = await db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM indicator`;
  expect(n!.n).toBe(0);
});

test('an import (not the seed) keeps a stored suppression unless confirmed; a dry run writes nothing', async () => {
  const dir = files();
  await importStatistics(db.prisma, { dir });
  await db.prisma.$executeRaw`
    UPDATE indicator_value SET value = NULL, status = 'SUPPRESSED', base_status = 'SUPPRESSED', origin = 'IMPORT'
     WHERE year = 2020 AND area_id = (SELECT id FROM area WHERE code = '00') AND indicator_id = (SELECT id FROM indicator WHERE key = 'population')`;
  const dry = await importStatistics(db.prisma, { dir, provenance: { origin: 'IMPORT', label: 'test' }, dryRun: true });
  expect(dry.details.liftsSuppression).toEqual(['A, population, 2020: geheimgehalten, nicht geschrieben (bestätigen mit overrideConflicts) / suppressed, not written (confirm with overrideConflicts)']);
  expect(await value('population', '00', 2020)).toMatchObject({ value: null, status: 'SUPPRESSED' });
  await importStatistics(db.prisma, { dir, provenance: { origin: 'IMPORT', label: 'test' }, overrideConflicts: true, dryRun: true });
  expect(await value('population', '00', 2020)).toMatchObject({ value: null, status: 'SUPPRESSED' });
  await importStatistics(db.prisma, { dir, provenance: { origin: 'IMPORT', label: 'test' }, overrideConflicts: true });
  expect(await value('population', '00', 2020)).toMatchObject({ value: 100, status: 'REGULAR' });
});
