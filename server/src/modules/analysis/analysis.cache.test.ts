import type { Database } from '@sozialatlas/db';
import { createContext } from '../../context';
import { openSeededDatabase } from '../../../test/db';
import { anonymousCaller, type Caller } from '../auth/caller';
import { loadNeedIndex } from './analysis.data';

// The need index is computed once per data version (needIndex, earlyWarnings, gaps and scenario
// share it) and computed anew after any committed write to the values it reads. On Leipzig.

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
