// Secondary suppression on a hand-made city: rules (a) and (b) of aggregate.ts, checked cell by cell.
import { hiddenCells, type Cell, type SuppressionModel } from './aggregate';

// City 1 → boroughs 10 (Ortsteile 11, 12, 13) and 20 (Ortsteile 21, 22).
const AREAS = [
  { id: 1, parentId: null },
  { id: 10, parentId: 1 },
  { id: 11, parentId: 10 },
  { id: 12, parentId: 10 },
  { id: 13, parentId: 10 },
  { id: 20, parentId: 1 },
  { id: 21, parentId: 20 },
  { id: 22, parentId: 20 },
];
const POP = 1;
const MEN = 2;
const WOMEN = 3;
const RATE = 4; // weighted by POP
const HOUSEHOLDS = 5; // unrelated count
const model: SuppressionModel = {
  areas: AREAS,
  indicators: [
    { id: POP, aggregation: 'SUM', denominatorId: null, numeratorId: null },
    { id: MEN, aggregation: 'SUM', denominatorId: null, numeratorId: null },
    { id: WOMEN, aggregation: 'SUM', denominatorId: null, numeratorId: null },
    { id: RATE, aggregation: 'WEIGHTED_MEAN', denominatorId: POP, numeratorId: null },
    { id: HOUSEHOLDS, aggregation: 'SUM', denominatorId: null, numeratorId: null },
  ],
  relations: [{ totalId: POP, partIds: [MEN, WOMEN] }],
};

// Ortsteil populations; men = 48 % rounded; the rate is the Ortsteil id / 2.
const population: Record<number, number> = { 11: 1000, 12: 400, 13: 2500, 21: 800, 22: 3000 };
function cells(suppressed: string[] = []): Cell[] {
  const out: Cell[] = [];
  let id = 1;
  const add = (indicatorId: number, areaId: number, value: number, derived: boolean) =>
    out.push({ id: id++, indicatorId, areaId, value, derived, secondary: false, status: suppressed.includes(`${indicatorId}:${areaId}`) ? 'SUPPRESSED' : 'REGULAR' });
  const sum = (ids: number[], f: (a: number) => number) => ids.reduce((s, a) => s + f(a), 0);
  const leaves: Record<number, number[]> = { 10: [11, 12, 13], 20: [21, 22], 1: [11, 12, 13, 21, 22] };
  const men = (a: number) => Math.round(population[a]! * 0.48);
  for (const a of Object.keys(population).map(Number)) {
    add(POP, a, population[a]!, false);
    add(MEN, a, men(a), false);
    add(WOMEN, a, population[a]! - men(a), false);
    add(RATE, a, a / 2, false);
    add(HOUSEHOLDS, a, population[a]! / 2, false);
  }
  for (const p of [10, 20, 1]) {
    const l = leaves[p]!;
    add(POP, p, sum(l, (a) => population[a]!), true);
    add(MEN, p, sum(l, men), true);
    add(WOMEN, p, sum(l, (a) => population[a]! - men(a)), true);
    add(RATE, p, sum(l, (a) => (a / 2) * population[a]!) / sum(l, (a) => population[a]!), true);
    add(HOUSEHOLDS, p, sum(l, (a) => population[a]! / 2), true);
  }
  return out;
}

/** Every linear relation has 0 or ≥ 2 hidden cells. */
function singletons(hidden: Set<string>): string[] {
  const groups: string[][] = [];
  for (const ind of [POP, MEN, WOMEN, HOUSEHOLDS]) {
    groups.push([`${ind}:10`, `${ind}:11`, `${ind}:12`, `${ind}:13`], [`${ind}:20`, `${ind}:21`, `${ind}:22`], [`${ind}:1`, `${ind}:10`, `${ind}:20`]);
  }
  for (const a of AREAS) groups.push([`${POP}:${a.id}`, `${MEN}:${a.id}`, `${WOMEN}:${a.id}`]);
  return groups.filter((g) => g.filter((k) => hidden.has(k)).length === 1).map((g) => g.join(' '));
}

describe('secondary suppression (hiddenCells)', () => {
  it('hides nothing when nothing is suppressed', () => {
    expect(hiddenCells(cells(), model).size).toBe(0);
  });

  it('protects one suppressed Ortsteil population against sums, parts and weighted means', () => {
    const hidden = hiddenCells(cells([`${POP}:11`]), model);
    // (b) the smallest other Ortsteil of the borough (400 in 12), not the borough or city total
    expect(hidden.has(`${POP}:12`)).toBe(true);
    expect(hidden.has(`${POP}:10`)).toBe(false);
    expect(hidden.has(`${POP}:1`)).toBe(false);
    // (b) men + women = population: the smaller part goes in both Ortsteile, and the hierarchy of
    // men then needs a second hidden cell, which it has (Ortsteile 11 and 12 together)
    expect(hidden.has(`${MEN}:11`)).toBe(true);
    expect(hidden.has(`${MEN}:12`)).toBe(true);
    expect(hidden.has(`${WOMEN}:11`)).toBe(false);
    // (a) the rates weighted by a hidden population, up to the city
    expect(hidden.has(`${RATE}:10`)).toBe(true);
    expect(hidden.has(`${RATE}:1`)).toBe(true);
    // the Ortsteil rates, the other borough and an unrelated count stay published
    for (const k of [`${RATE}:11`, `${RATE}:20`, `${POP}:20`, `${HOUSEHOLDS}:11`, `${HOUSEHOLDS}:1`]) expect(hidden.has(k)).toBe(false);
    expect(singletons(hidden)).toEqual([]);
  });

  it('hides a second borough (and one of its Ortsteile) when a whole borough total is suppressed', () => {
    const hidden = hiddenCells(cells([`${HOUSEHOLDS}:20`]), model);
    // city = Σ boroughs: one more borough; then that borough = Σ its Ortsteile: one Ortsteil;
    // and borough 20 = Σ its Ortsteile: one of them too
    expect(hidden.has(`${HOUSEHOLDS}:10`)).toBe(true);
    expect(hidden.has(`${HOUSEHOLDS}:1`)).toBe(false);
    expect([11, 12, 13].filter((a) => hidden.has(`${HOUSEHOLDS}:${a}`)).length).toBeGreaterThanOrEqual(1);
    expect([21, 22].filter((a) => hidden.has(`${HOUSEHOLDS}:${a}`)).length).toBeGreaterThanOrEqual(1);
    expect(singletons(hidden)).toEqual([]);
  });

  it('treats an unknown value (null) like a suppressed one', () => {
    const withNull = cells().map((c) => (c.indicatorId === WOMEN && c.areaId === 21 ? { ...c, value: null } : c));
    const hidden = hiddenCells(withNull, model);
    expect(hidden.has(`${WOMEN}:21`)).toBe(true);
    expect(singletons(hidden)).toEqual([]);
  });
});

describe('secondary suppression of a ratio of two counts', () => {
  // Ortsteile 11, 12 of borough 10: foreigners (6) ÷ population (1) × 100 = share (7).
  const FOREIGNERS = 6;
  const SHARE = 7;
  const ratioModel: SuppressionModel = {
    areas: [{ id: 10, parentId: null }, { id: 11, parentId: 10 }, { id: 12, parentId: 10 }, { id: 13, parentId: 10 }],
    indicators: [
      { id: POP, aggregation: 'SUM', denominatorId: null, numeratorId: null },
      { id: FOREIGNERS, aggregation: 'SUM', denominatorId: null, numeratorId: null },
      { id: SHARE, aggregation: 'RATIO_OF_COUNTS', denominatorId: POP, numeratorId: FOREIGNERS },
    ],
    relations: [],
  };
  const pop: Record<number, number> = { 11: 1000, 12: 2000, 13: 4000, 10: 7000 };
  const fo: Record<number, number> = { 11: 100, 12: 300, 13: 200, 10: 600 };
  const ratioCells = (suppressed: string[]): Cell[] =>
    [10, 11, 12, 13].flatMap((a, n) => [
      { id: 3 * n + 1, indicatorId: POP, areaId: a, value: pop[a]!, derived: a === 10, secondary: false, status: suppressed.includes(`${POP}:${a}`) ? 'SUPPRESSED' : 'REGULAR' },
      { id: 3 * n + 2, indicatorId: FOREIGNERS, areaId: a, value: fo[a]!, derived: a === 10, secondary: false, status: suppressed.includes(`${FOREIGNERS}:${a}`) ? 'SUPPRESSED' : 'REGULAR' },
      { id: 3 * n + 3, indicatorId: SHARE, areaId: a, value: (100 * fo[a]!) / pop[a]!, derived: a === 10, secondary: false, status: suppressed.includes(`${SHARE}:${a}`) ? 'SUPPRESSED' : 'REGULAR' },
    ]);

  it('hides the share of an Ortsteil whose population is hidden, but not the borough share (its counts stay published)', () => {
    const hidden = hiddenCells(ratioCells([`${POP}:11`]), ratioModel);
    expect(hidden.has(`${SHARE}:11`)).toBe(true);
    expect(hidden.has(`${POP}:12`)).toBe(true); // the smaller other Ortsteil: 12 (2,000) before 13 (4,000)
    expect(hidden.has(`${SHARE}:12`)).toBe(true);
    expect(hidden.has(`${SHARE}:10`)).toBe(false);
    expect(hidden.has(`${POP}:10`)).toBe(false);
    expect(hidden.has(`${FOREIGNERS}:11`)).toBe(false);
  });

  it('hides one count when only the share is suppressed (the counts would give it back)', () => {
    const hidden = hiddenCells(ratioCells([`${SHARE}:13`]), ratioModel);
    // foreigners (200) is smaller than the population (4,000); then the borough's foreigners need a second cell
    expect(hidden.has(`${FOREIGNERS}:13`)).toBe(true);
    expect(hidden.has(`${FOREIGNERS}:11`)).toBe(true);
    expect(hidden.has(`${POP}:13`)).toBe(false);
  });
});
