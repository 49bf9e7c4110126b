import { AnalysisInputError } from './errors';
import { demandIndex, detourTable, e2sfca, haversineMetres, pairsOf, updateTable } from './e2sfca';
import { runScenario, type ScenarioInput } from './scenario';

// Three areas about 11 km apart (beyond the 3,000 m catchment of each other), one demand point each.
const X = { lon: 12.37, lat: 51.3 };
const Y = { lon: 12.37, lat: 51.4 };
const Z = { lon: 12.37, lat: 51.5 };
const input: ScenarioInput = {
  category: 'KITA',
  areas: ['X', 'Y', 'Z'],
  services: [
    { serviceId: 'k1', category: 'KITA', capacity: 50, areaId: 'X', ...X },
    { serviceId: 'k2', category: 'KITA', capacity: 20, areaId: 'Z', ...Z },
    { serviceId: 'b1', category: 'BERATUNG', capacity: 5, areaId: 'Y', ...Y },
  ],
  demands: [
    { id: 'dX', areaId: 'X', population: 500, ...X },
    { id: 'dY', areaId: 'Y', population: 400, ...Y },
    { id: 'dZ', areaId: 'Z', population: 100, ...Z },
  ],
  targets: [
    { areaId: 'X', category: 'KITA', population: 500 },
    { areaId: 'Y', category: 'KITA', population: 400 },
    { areaId: 'Z', category: 'KITA', population: 100 },
  ],
  norm: { category: 'KITA', perThousand: 150 },
  need: [{ areaId: 'X', value: 0 }, { areaId: 'Y', value: 1.5 }, { areaId: 'Z', value: -1 }],
  money: {
    areas: ['X', 'Y', 'Z'],
    years: [2024],
    priceIndex: [{ year: 2024, index: 119.3 }],
    fundings: [{ serviceId: 'k1', year: 2024, amount: '200000.00' }],
    serviceLocations: [{ serviceId: 'k1', areaId: 'X' }],
    residents: [],
  },
};

describe('scenarios (what if)', () => {
  it('shows before and after for an area where a service opens', () => {
    const snapshot = structuredClone(input);
    const r = runScenario(input, { addServices: [{ category: 'KITA', capacity: 40, areaId: 'Y', ...Y }] });
    const y = r.areas.find((a) => a.areaId === 'Y')!;
    // before: Y has no Kita in reach → A = 0 (a real zero), coverage gap = 150·400/1000 − 0 = 60
    expect(y.before.accessibility!.accessibility).toBe(0);
    expect(y.before.coverage.gap).toBe(60);
    // after: R = 40/(400·1.00) = 0.1 place per child → 100 per 1,000; gap = 60 − 40 = 20
    expect(y.after.accessibility!.accessibilityPer1000).toBeCloseTo(100, 10);
    expect(y.after.coverage.gap).toBe(20);
    expect(y.changed).toEqual(expect.arrayContaining(['services', 'capacity', 'coverageGap', 'accessibility']));
    // X is out of reach of the new Kita: its accessibility stays 50/500 = 0.1
    const x = r.areas.find((a) => a.areaId === 'X');
    expect(x?.changed ?? []).not.toContain('accessibility');
    expect(input).toEqual(snapshot); // no side effects
  });

  it('turns the accessibility of an area to zero when its only service closes', () => {
    const r = runScenario(input, { closeServiceIds: ['k2'] });
    const z = r.areas.find((a) => a.areaId === 'Z')!;
    // before: 20/(100·1.00) = 0.2 → 200 per 1,000; after: 0
    expect(z.before.accessibility!.accessibilityPer1000).toBeCloseTo(200, 10);
    expect(z.after.accessibility!.accessibility).toBe(0);
    expect(z.after.coverage).toMatchObject({ services: 0, capacity: 0, gap: 15 });
  });

  it('recomputes money for a funding cut and lists only the changed areas', () => {
    const r = runScenario(input, { fundingChanges: [{ serviceId: 'k1', year: 2024, amount: '150000.00' }] });
    expect(r.money).toEqual([{ areaId: 'X', year: 2024, before: '200000.00', after: '150000.00' }]);
    expect(r.areas).toEqual([]);
  });

  it('rejects closing an unknown service and a negative capacity', () => {
    expect(() => runScenario(input, { closeServiceIds: ['nope'] })).toThrow(AnalysisInputError);
    expect(() => runScenario(input, { addServices: [{ category: 'KITA', capacity: -1, areaId: 'Y', ...Y }] })).toThrow(/capacity/);
  });
});

describe('scenario gap scores', () => {
  it('change only where need or supply changed: after is measured against the distribution before', () => {
    // A Kita opens in Y. X and Z lie beyond its catchment, so their supply stays as it was; with
    // scores relative to the new distribution they would shift all the same.
    const r = runScenario(input, { addServices: [{ category: 'KITA', capacity: 40, areaId: 'Y', ...Y }] });
    expect(r.areas.map((a) => a.areaId)).toEqual(['Y']);
    const y = r.areas[0]!;
    expect(y.after.gap.score as number).toBeLessThan(y.before.gap.score as number);
  });

  it('shows the class change it causes and the places still missing against the norm', () => {
    // before: need N = 0, 1.5, −1 (z = −0.16222, 1.29777, −1.13555; mean 1/6, SD 1.02740);
    // supply (per 1,000) V = 100, 0, 200 (z = 0, −1.22474, 1.22474; SD 81.6497)
    // g_Y = 1.29777 + 1.22474 = 2.52252 → CRITICAL. After 40 places in Y: V_Y = 100, z = 0 (against the
    // distribution before), g_Y = 1.29777 → HIGH. Missing against the norm 150 per 1,000 of 400 children:
    // 150 · 400/1000 − 0 = 60 places before; (150 − 100) · 400/1000 = 20 after.
    const r = runScenario({ ...input, targetDe: 'Kinder', targetEn: 'children' }, { addServices: [{ category: 'KITA', capacity: 40, areaId: 'Y', ...Y }] });
    const y = r.areas[0]!;
    expect(y.before.gap.score).toBeCloseTo(2.52252, 5);
    expect(y.after.gap.score).toBeCloseTo(1.29777, 5);
    expect(y.gapClassChange).toEqual({ from: 'CRITICAL', to: 'HIGH' });
    expect(y.changed).toEqual(expect.arrayContaining(['gapClass', 'missingPlaces']));
    expect(y.before.gap.planner).toMatchObject({ missingPer1000: 150, missing: 60, withoutServiceInReach: 400 });
    expect(y.after.gap.planner).toMatchObject({ missingPer1000: expect.closeTo(50, 10), missing: expect.closeTo(20, 10), withoutServiceInReach: 0 });
    expect(y.before.gap.planner?.statement?.de).toBe(
      'Es fehlen rund 150 Plätze je 1.000 Kinder (Richtwert 150, erreichbar 0), zusammen rund 60 Plätze. Rund 400 Kinder haben kein Angebot im Umkreis von 3.000 m Weg (geschätzt als Luftlinie × 1,2).',
    );
    expect(y.summary?.de).toBe('Lückenklasse kritisch → hoch (Lückenwert 2,52 → 1,30); fehlende Plätze gegenüber dem Richtwert rund 60 → 20.');
    expect(y.summary?.en).toBe('Gap class critical → high (gap score 2.52 → 1.30); places missing against the norm about 60 → 20.');
    expect(r.parameters).toMatchObject({ detourFactor: 1.2, decay: { kind: 'STEP' } });
  });
});

describe('scenarios evaluate only the changed services', () => {
  // a seeded city: 40 services of two categories, 600 demand points in 12 areas (about 6 × 4 km)
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const point = () => ({ lon: 12.3 + rand() * 0.09, lat: 51.3 + rand() * 0.036 });
  const areas = Array.from({ length: 12 }, (_, i) => `A${i}`);
  const demands = Array.from({ length: 600 }, (_, k) => ({ id: `d${k}`, areaId: areas[k % 12]!, population: Math.round(rand() * 300), ...point() }));
  const services = Array.from({ length: 40 }, (_, j) => ({ serviceId: `s${j}`, category: j % 3 ? 'KITA' : 'OTHER', capacity: Math.round(10 + rand() * 90), areaId: areas[j % 12]!, ...point() }));
  const city: ScenarioInput = {
    category: 'KITA',
    areas,
    services,
    demands,
    targets: areas.map((areaId) => ({ areaId, category: 'KITA', population: 15000 })),
    norm: { category: 'KITA', perThousand: 3 },
    need: areas.map((areaId, i) => ({ areaId, value: (i % 5) - 2 })),
  };
  const changes = {
    addServices: [{ category: 'KITA', capacity: 60, areaId: 'A3', ...point() }, { category: 'OTHER', capacity: 5, areaId: 'A4', ...point() }],
    closeServiceIds: ['s1', 's5', 's3'],
  };

  it('equals a full recomputation (the scenario with its own distances searches everything again)', () => {
    const incremental = runScenario(city, changes);
    // a cost function makes the scenario evaluate every pair anew; the same straight line × 1.2
    const full = runScenario({ ...city, distance: (s, d) => 1.2 * haversineMetres(s, d) }, changes);
    expect(incremental.areas.length).toBeGreaterThan(0);
    const strip = (r: ReturnType<typeof runScenario>) => r.areas.map(({ areaId, before, after, changed, gapClassChange }) => ({ areaId, before, after, changed, gapClassChange }));
    const close = (a: unknown, b: unknown): void => {
      if (typeof a === 'number' && typeof b === 'number') expect(a).toBeCloseTo(b, 9);
      else if (a && typeof a === 'object') for (const k of Object.keys(a)) close((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]);
      else expect(a).toEqual(b);
    };
    close(strip(incremental), strip(full));
    expect(incremental.areas.map((a) => a.areaId)).toEqual(full.areas.map((a) => a.areaId));
  });

  it('takes the kept services\u2019 pairs from before: the table equals a new search over the services after', () => {
    const own = services.filter((s) => s.category === 'KITA');
    const index = demandIndex(demands);
    const before = detourTable(own, index, 3000);
    const keep = Uint8Array.from(own, (s) => (changes.closeServiceIds.includes(s.serviceId) ? 0 : 1));
    const kept = own.filter((_, j) => keep[j]);
    const added = [changes.addServices[0]!];
    const updated = updateTable(before, keep, detourTable(added, index, 3000, 1.2, kept.length));
    const fresh = detourTable([...kept, ...added], index, 3000);
    expect(pairsOf(updated)).toEqual(pairsOf(fresh));
    // and so the accessibility is the same to the last bit
    const sup = [...kept, ...added].map((s, j) => ({ id: j, capacity: s.capacity, lon: s.lon, lat: s.lat }));
    expect(e2sfca({ supplies: sup, demands, pairs: updated }).demands).toEqual(e2sfca({ supplies: sup, demands, pairs: fresh }).demands);
  });
});
