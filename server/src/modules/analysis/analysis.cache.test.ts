import type { Database } from '@sozialatlas/db';
import { createContext } from '../../context';
import { openSeededDatabase } from '../../../test/db';
import { anonymousCaller, type Caller } from '../auth/caller';
import { loadAccessibility, loadNeedIndex } from './analysis.data';

// The need index (needIndex, earlyWarnings, gaps and scenario share it) and the accessibility of a
// category (accessibility and gaps) are computed once per data version, and anew after any
// committed write to what they read. On Leipzig.

let db: Database;
beforeAll(async () => {
  db = await openSeededDatabase();
});
afterAll(() => db?.close());

const statistics: Caller = { role: 'STATISTICS', canSeeSuppressed: true, canSeeUnpublished: false };

it('serves the need index from the cache until a value changes, then computes it anew', async () => {
  const ctx = createContext(db.prisma, anonymousCaller);
  const first = await loadNeedIndex(ctx, { level: 'DISTRICT', year: 2022 });
  // the same arguments, written out or left to the preset: one computation
  expect(await loadNeedIndex(createContext(db.prisma, anonymousCaller), { level: 'DISTRICT', year: 2022, span: 2, minPopulation: 300, preset: 'MSS_2021' })).toBe(first);
  // other arguments or another visibility: not the same entry
  expect(await loadNeedIndex(ctx, { level: 'DISTRICT', year: 2021 })).not.toBe(first);
  expect(await loadNeedIndex(createContext(db.prisma, statistics), { level: 'DISTRICT', year: 2022 })).not.toBe(first);

  const area = first.result.areas.find((a) => !a.excluded)!;
  const before = area.components.find((c) => c.indicatorKey === 'sgb2_rate')!.value!;
  await db.prisma.$executeRaw`
    UPDATE indicator_value SET value = value + 5
     WHERE area_id = ${Number(area.areaId)}::int AND year = 2022 AND indicator_id = (SELECT id FROM indicator WHERE key = 'sgb2_rate')`;

  const after = await loadNeedIndex(ctx, { level: 'DISTRICT', year: 2022 });
  expect(after).not.toBe(first);
  const changed = after.result.areas.find((a) => a.areaId === area.areaId)!;
  expect(changed.components.find((c) => c.indicatorKey === 'sgb2_rate')!.value).toBeCloseTo(before + 5, 9);
  expect(changed.statusIndex).not.toBe(area.statusIndex);
});

it('serves the accessibility from the cache until a service changes, then computes it anew', async () => {
  const ctx = createContext(db.prisma, anonymousCaller);
  const req = { category: 'youth_club', year: 2023, level: 'DISTRICT', demand: 'GRID', gridSizeM: 250 } as const;
  const first = await loadAccessibility(ctx, req);
  expect(await loadAccessibility(createContext(db.prisma, anonymousCaller), { ...req, detourFactor: 1.2, decay: null })).toBe(first);

  // a service at one location (the capacity of a service at several is split between them)
  const supply = first.computed.supplies.find((s) => s.id === s.serviceId && s.capacity !== null)!;
  await db.prisma.$executeRaw`UPDATE service SET capacity = capacity + 100 WHERE id = ${supply.serviceId}::int`;

  const after = await loadAccessibility(ctx, req);
  expect(after).not.toBe(first);
  expect(after.computed.supplies.find((s) => s.id === supply.id)!.capacity).toBe(supply.capacity! + 100);
});
