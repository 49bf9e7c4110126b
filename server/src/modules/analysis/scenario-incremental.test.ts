import type { Database } from '@sozialatlas/db';
import { haversineMetres, runScenario, type ScenarioInput } from '../../analysis';
import { createContext } from '../../context';
import { openSeededDatabase } from '../../../test/db';
import { anonymousCaller } from '../auth/caller';
import { areaIdOf } from '../areas/area-id';
import { loadAccessibilityInputs, loadNeedIndex } from './analysis.data';

// On Leipzig: a scenario that searches only the changed youth clubs (the kept ones' pairs from the
// situation before) gives what a full recomputation gives (a cost function: every pair anew).

let db: Database;
beforeAll(async () => {
  db = await openSeededDatabase();
});
afterAll(() => db?.close());

it('an incremental scenario equals a full recomputation on the Leipzig youth clubs', async () => {
  const ctx = createContext(db.prisma, anonymousCaller);
  const inp = await loadAccessibilityInputs(ctx, { category: 'youth_club', year: 2023, level: 'DISTRICT', demand: 'GRID', gridSizeM: 250 });
  const need = await loadNeedIndex(ctx, { level: 'DISTRICT', year: 2022 });
  const usable = inp.services.filter((s) => s.lon !== null && s.lat !== null && s.capacity !== null);
  expect(usable.length).toBeGreaterThan(10);
  const input: ScenarioInput = {
    category: 'youth_club',
    areas: inp.areas.map((a) => a.id),
    services: usable.map((s) => ({ serviceId: s.pieceId, category: s.category, capacity: s.capacity, lon: s.lon!, lat: s.lat!, areaId: s.areaId })),
    demands: inp.demands.map((d) => ({ ...d, areaId: inp.levelOf.get(areaIdOf(d.areaId)) ?? d.areaId })),
    decay: inp.decay,
    detourFactor: inp.detourFactor,
    targets: inp.targets,
    norm: { category: 'youth_club', perThousand: inp.category.perThousand! },
    need: need.result.areas.map((a) => ({ areaId: a.areaId, value: a.statusZ })),
  };
  const at = inp.demands[100]!;
  const changes = {
    addServices: [{ category: 'youth_club', capacity: 60, lon: at.lon, lat: at.lat, areaId: input.demands[100]!.areaId }],
    closeServiceIds: [input.services[0]!.serviceId, input.services[5]!.serviceId],
  };
  const incremental = runScenario(input, changes);
  const full = runScenario({ ...input, distance: (s, d) => inp.detourFactor * haversineMetres(s, d) }, changes);
  expect(incremental.areas.length).toBeGreaterThan(0);
  expect(incremental.areas.map((a) => a.areaId)).toEqual(full.areas.map((a) => a.areaId));
  const close = (a: unknown, b: unknown): void => {
    if (typeof a === 'number' && typeof b === 'number') expect(a).toBeCloseTo(b, 9);
    // the sentence names how distances were measured (a cost function: "Luftlinie"), the figures agree
    else if (a && typeof a === 'object') for (const k of Object.keys(a)) k === 'statement' || close((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]);
    else expect(a).toEqual(b);
  };
  incremental.areas.forEach((a, i) => {
    const f = full.areas[i]!;
    expect(a.changed).toEqual(f.changed);
    expect(a.gapClassChange).toEqual(f.gapClassChange);
    close(a.before, f.before);
    close(a.after, f.after);
  });
});
