import type { Database } from '@sozialatlas/db';
import { computeNeedIndex } from '../../analysis';
import { createContext } from '../../context';
import { openSeededDatabase } from '../../../test/db';
import { anonymousCaller } from '../auth/caller';
import { DEFAULT_NEED_KEYS, loadNeedIndex, loadObservations, resolveMeasures } from './analysis.data';

// The need index compares two years (the year and year − span); it loads only those two, not the
// years between. On Leipzig: the same result as computed from every year of the span.

let db: Database;
beforeAll(async () => {
  db = await openSeededDatabase();
});
afterAll(() => db?.close());

it('loads only the two compared years and gives what all years of the span give', async () => {
  const ctx = createContext(db.prisma, anonymousCaller);
  const { measures, indicatorIds } = await resolveMeasures(db.prisma, DEFAULT_NEED_KEYS, ['population']);
  const two = await loadObservations(db.prisma, anonymousCaller, indicatorIds, DEFAULT_NEED_KEYS, ['DISTRICT'], 2019, 2022, [2019, 2022]);
  expect(new Set(two.map((o) => o.year))).toEqual(new Set([2019, 2022]));
  expect(two.some((o) => o.indicatorKey === 'sgb2_single_parent_per_1000')).toBe(true); // derived measures too

  const { result, areas } = await loadNeedIndex(ctx, { level: 'DISTRICT', year: 2022, span: 3 });
  const all = await loadObservations(db.prisma, anonymousCaller, indicatorIds, DEFAULT_NEED_KEYS, ['DISTRICT'], 2019, 2022);
  expect(new Set(all.map((o) => o.year)).size).toBe(4);
  const popBy = new Map(all.filter((o) => o.indicatorKey === 'population' && o.year === 2022).map((o) => [o.areaId, o.value]));
  const full = computeNeedIndex({
    year: 2022,
    areas: areas.map((a) => ({ areaId: a.id, population: popBy.get(a.id) ?? null })),
    indicators: DEFAULT_NEED_KEYS.map((key, n) => ({ key, weight: 1, polarity: measures[n]!.polarity })),
    values: all.filter((o) => o.indicatorKey !== 'population'),
    options: { span: 3 },
  });
  expect(result.areas.filter((a) => !a.excluded).length).toBeGreaterThan(50);
  expect(result).toEqual(full);
});
