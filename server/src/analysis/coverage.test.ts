import { AnalysisInputError } from './errors';
import { computeCoverage, type CoverageInput } from './coverage';

// Kita places, norm 150 places per 1,000 children.
const input: CoverageInput = {
  areas: ['A', 'B', 'C', 'D'],
  categories: ['KITA'],
  norms: [{ category: 'KITA', perThousand: 150 }],
  services: [
    { serviceId: 1, category: 'KITA', areaId: 'A', capacity: 60 },
    { serviceId: 2, category: 'KITA', areaId: 'A', capacity: 40 },
    { serviceId: 3, category: 'KITA', areaId: 'B', capacity: 50 },
    { serviceId: 4, category: 'KITA', areaId: 'B', capacity: null },
    { serviceId: 5, category: 'KITA', areaId: 'D', capacity: 10 },
    { serviceId: 6, category: 'KITA', areaId: null, capacity: 25 },
  ],
  targets: [
    { areaId: 'A', category: 'KITA', population: 800 },
    { areaId: 'B', category: 'KITA', population: 200 },
    { areaId: 'C', category: 'KITA', population: null, status: 'SUPPRESSED' },
    { areaId: 'D', category: 'KITA', population: 0 },
  ],
};
const row = (id: string) => computeCoverage(input).rows.find((r) => r.areaId === id)!;

describe('coverage (Versorgungsquote)', () => {
  it('computes ratio, required capacity, gap and coverage by hand', () => {
    // A: C = 60 + 40 = 100; P = 800; q = 1000·100/800 = 125 per 1,000
    //    Req = 150·800/1000 = 120; gap = 120 − 100 = 20 (shortfall); cov = 100·100/120 = 83.33 %
    expect(row('A')).toMatchObject({ services: 2, capacity: 100, capacityComplete: true, ratioPer1000: 125, required: 120, gap: 20, reason: null });
    expect(row('A').coveragePercent).toBeCloseTo(83.3333, 4);
  });

  it('counts a service with unknown capacity but marks the capacity as incomplete', () => {
    // B: C = 50 (+ one unknown); P = 200; q = 250; Req = 30; gap = −20 (at least 20 places more than the norm)
    expect(row('B')).toMatchObject({ services: 2, capacity: 50, capacityComplete: false, servicesWithoutCapacity: 1, ratioPer1000: 250, required: 30, gap: -20 });
  });

  it('propagates a suppressed target population as null, while zero services stay a real zero', () => {
    expect(row('C')).toMatchObject({ services: 0, capacity: 0, targetPopulation: null, ratioPer1000: null, required: null, gap: null, coveragePercent: null, reason: 'SUPPRESSED' });
  });

  it('has no ratio for a target population of zero, but a negative gap for the surplus capacity', () => {
    expect(row('D')).toMatchObject({ targetPopulation: 0, ratioPer1000: null, required: 0, gap: -10, coveragePercent: null, reason: 'TARGET_POPULATION_ZERO' });
  });

  it('reports services without an area and echoes the norm', () => {
    const r = computeCoverage(input);
    expect(r.unassignedServices).toEqual([6]);
    expect(r.parameters.norms).toEqual([{ category: 'KITA', perThousand: 150 }]);
  });

  it('leaves gap and coverage null when no norm is set for the category', () => {
    const r = computeCoverage({ ...input, norms: [] }).rows.find((x) => x.areaId === 'A')!;
    expect(r).toMatchObject({ ratioPer1000: 125, norm: null, required: null, gap: null, coveragePercent: null });
  });

  it('rejects negative capacities and duplicate target rows', () => {
    expect(() => computeCoverage({ ...input, services: [{ serviceId: 9, category: 'KITA', areaId: 'A', capacity: -5 }] })).toThrow(AnalysisInputError);
    expect(() => computeCoverage({ ...input, targets: [...input.targets, input.targets[0]!] })).toThrow(/duplicate/);
  });
});
