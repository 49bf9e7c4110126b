import type { Database } from '@sozialatlas/db';
import { openMigratedDatabase } from '../../server/test/db';
import { seedLeipzig } from './index';
import { generateSynthetic } from './synthetic';

let db: Database;
beforeAll(async () => {
  db = await openMigratedDatabase();
});
afterAll(() => db?.close());

test('builds the asked numbers into an empty database, then refuses a second run', async () => {
  const report = await generateSynthetic(db.prisma, { areas: 50, services: 200, years: 3, seed: 7 });
  const [c] = await db.prisma.$queryRaw<Record<string, number>[]>`
    SELECT (SELECT count(*) FROM area WHERE level = 'DISTRICT')::int AS districts,
           (SELECT count(*) FROM area WHERE level = 'CITY')::int AS cities,
           (SELECT count(*) FROM area WHERE geom IS NULL OR NOT ST_IsValid(geom))::int AS bad_geoms,
           (SELECT count(*) FROM service)::int AS services,
           (SELECT count(*) FROM location WHERE area_id IS NULL)::int AS unplaced,
           (SELECT count(DISTINCT year) FROM indicator_value)::int AS years,
           (SELECT count(*) FROM funding)::int AS fundings`;
  expect(c).toEqual({ districts: 50, cities: 1, bad_geoms: 0, services: 200, unplaced: 0, years: 3, fundings: 600 });
  const [sum] = await db.prisma.$queryRaw<{ city: number; parts: number }[]>`
    SELECT (SELECT v.value FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id JOIN area a ON a.id = v.area_id
             WHERE i.key = 'population' AND a.level = 'CITY' AND v.year = 2024) AS city,
           (SELECT sum(v.value) FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id JOIN area a ON a.id = v.area_id
             WHERE i.key = 'population' AND a.level = 'DISTRICT' AND v.year = 2024) AS parts`;
  expect(sum!.city).toBe(sum!.parts);
  expect(report.details.counts).toMatchObject({ areas: 50, services: 200 });
  await expect(generateSynthetic(db.prisma, { areas: 5, services: 5, years: 1, seed: 1 })).rejects.toThrow(/needs an empty migrated database/);
});

test('the Leipzig import (SEED_ON_START) refuses a database holding the synthetic city, before writing anything', async () => {
  const count = async () =>
    (await db.prisma.$queryRaw<{ areas: number; sources: number }[]>`SELECT (SELECT count(*) FROM area)::int AS areas, (SELECT count(*) FROM source)::int AS sources`)[0];
  const before = await count();
  expect(before!.areas).toBeGreaterThan(0);
  await expect(seedLeipzig(db.prisma, { quiet: true })).rejects.toThrow(/anderen Datenbestand .*Synthstadt.*SEED_ON_START=false/);
  expect(await count()).toEqual(before);
});
