import { AnalysisInputError } from './errors';
import { computeMoney, deflate, type MoneyInput } from './money';

// VPI Destatis, 2020 = 100: 2015 = 94.5, 2022 = 110.2, 2024 = 119.3
const priceIndex = [{ year: 2015, index: 94.5 }, { year: 2022, index: 110.2 }, { year: 2024, index: 119.3 }];

describe('money (Förderung je Gebiet)', () => {
  it('deflates with the consumer price index: 100,000 EUR of 2015 are 126,243.39 EUR in 2024 prices', () => {
    // 100,000 · 119.3 / 94.5 = 126,243.386… → 126,243.39
    expect(deflate('100000.00', 94.5, 119.3)).toBe('126243.39');
    const r = computeMoney({
      areas: ['A'], years: [2015, 2024], priceIndex, priceBaseYear: 2024,
      fundings: [{ serviceId: 1, year: 2015, amount: '100000.00' }],
      serviceLocations: [{ serviceId: 1, areaId: 'A' }],
      residents: [],
    });
    expect(r.byAreaYear[0]).toMatchObject({ year: 2015, nominal: '100000.00', real: '126243.39', residents: null, nominalPerResident: null, reason: 'POPULATION_MISSING' });
  });

  const input: MoneyInput = {
    areas: ['A', 'B', 'C', 'D', 'E'],
    years: [2022, 2024],
    priceIndex,
    fundings: [
      { serviceId: 's1', year: 2022, amount: '50000.00' },
      { serviceId: 's1', year: 2024, amount: '50400.00' },
      { serviceId: 's2', year: 2024, amount: '1000.00' },
      { serviceId: 's3', year: 2024, amount: '800.00' },
      { serviceId: 's4', year: 2024, amount: '123.45' },
      { serviceId: 's5', year: 2024, amount: '1000.00' },
    ],
    serviceLocations: [
      { serviceId: 's1', areaId: 'A' },
      { serviceId: 's2', areaId: 'A' },
      { serviceId: 's2', areaId: 'B' },
      { serviceId: 's3', areaId: 'A', share: 0.25 },
      { serviceId: 's3', areaId: 'B' },
      { serviceId: 's3', areaId: 'C' },
      { serviceId: 's5', areaId: 'C' },
      { serviceId: 's5', areaId: 'C' },
      { serviceId: 's5', areaId: 'D' },
    ],
    residents: [
      { areaId: 'A', year: 2024, population: 10000 },
      { areaId: 'B', year: 2024, population: 2000 },
      { areaId: 'C', year: 2024, population: 1000 },
      { areaId: 'D', year: 2024, population: 1000 },
      { areaId: 'E', year: 2024, population: 500 },
    ],
    targetPopulation: [{ areaId: 'A', year: 2024, population: null, status: 'SUPPRESSED' }],
    need: [{ areaId: 'A', value: 2 }, { areaId: 'B', value: 0.5 }, { areaId: 'C', value: 1 }, { areaId: 'D', value: 0.5 }, { areaId: 'E', value: -1 }],
  };
  const r = computeMoney(input);
  const y24 = (id: string) => r.byAreaYear.find((x) => x.areaId === id && x.year === 2024)!;

  it('splits services over their locations evenly unless a share is given', () => {
    // s2 1,000 → A 500, B 500; s3 800 with A 0.25 → A 200, B and C (1 − 0.25)/2 = 0.375 → 300 each
    // s5 1,000 at C, C, D → C 666.666…, D 333.333…
    // A = 50,400 + 500 + 200 = 51,100.00; B = 800.00; C = 300 + 666.67 = 966.67; D = 333.33; E = 0.00
    expect(['A', 'B', 'C', 'D', 'E'].map((id) => y24(id).nominal)).toEqual(['51100.00', '800.00', '966.67', '333.33', '0.00']);
    expect(r.unallocated).toEqual([{ year: 2024, amount: '123.45', serviceIds: ['s4'] }]);
  });

  it('computes money per resident and keeps a suppressed target group null', () => {
    // A: 51,100 / 10,000 = 5.11 EUR per resident; base year 2024 → real = nominal
    expect(y24('A')).toMatchObject({ nominalPerResident: 5.11, realPerResident: 5.11, real: '51100.00', targetPopulation: null, nominalPerTargetPerson: null });
    expect(y24('C').nominalPerResident).toBeCloseTo(0.96667, 5);
  });

  it('computes the real change over the span', () => {
    // A 2022: 50,000 nominal = 50,000 · 119.3/110.2 = 54,128.86 in 2024 prices
    // nominal Δ = (51,100 − 50,000)/50,000 = +2.2 %; real Δ = (51,100 − 54,128.857)/54,128.857 = −5.5957 %
    const a = r.changes.find((c) => c.areaId === 'A')!;
    expect(r.byAreaYear.find((x) => x.areaId === 'A' && x.year === 2022)!.real).toBe('54128.86');
    expect(a.nominalChangePercent).toBeCloseTo(2.2, 10);
    expect(a.realChangePercent).toBeCloseTo(-5.59568, 4);
    expect(a.dynamisierungFehlt).toBe(false); // 2.2 % > 1 % tolerance
    expect(r.changes.find((c) => c.areaId === 'B')).toMatchObject({ nominalChangePercent: null, reason: 'NO_BASE_VALUE', dynamisierungFehlt: null });
  });

  it('flags "Dynamisierung fehlt" when the nominal amount stays within 1 % while its real value falls', () => {
    // 50,000 → 50,400: +0.8 % ≤ 1 %; real: 54,128.86 → 50,400 = −6.8889 %
    const f = computeMoney({ ...input, areas: ['A'], fundings: input.fundings.filter((x) => x.serviceId === 's1'), need: undefined });
    expect(f.changes[0]!.nominalChangePercent).toBeCloseTo(0.8, 10);
    expect(f.changes[0]!.realChangePercent).toBeCloseTo(-6.88885, 4);
    expect(f.changes[0]!.dynamisierungFehlt).toBe(true);
  });

  it('correlates funding per resident with need by Spearman with average ranks for ties', () => {
    // per resident: A 5.11, B 0.4, C 0.967, D 0.333, E 0 → ranks 5, 3, 4, 2, 1
    // need:         A 2,    B 0.5, C 1,    D 0.5,  E −1 → ranks 5, 2.5, 4, 2.5, 1
    // dx = 2, 0, 1, −1, −2; dy = 2, −0.5, 1, −0.5, −2; Σdxdy = 9.5; Σdx² = 10; Σdy² = 9.5
    // ρ = 9.5 / √(10 · 9.5) = 0.974679
    expect(r.needCorrelation!.rho).toBeCloseTo(9.5 / Math.sqrt(95), 10);
    expect(r.needCorrelation).toMatchObject({ n: 5, note: null, year: 2024 });
  });

  it('rejects shares that do not add up, non-decimal amounts and a missing base price index', () => {
    expect(() => computeMoney({ ...input, serviceLocations: [{ serviceId: 's1', areaId: 'A', share: 0.5 }, { serviceId: 's1', areaId: 'B', share: 0.4 }] })).toThrow(/add up/);
    expect(() => computeMoney({ ...input, fundings: [{ serviceId: 's1', year: 2024, amount: '12,50' }] })).toThrow(AnalysisInputError);
    expect(() => computeMoney({ ...input, priceIndex: priceIndex.slice(0, 2) })).toThrow(/base year/);
  });
});
