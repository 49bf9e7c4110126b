// Accessibility with travel costs given by the caller (a cost matrix from a router) instead of
// straight line × detour factor: hand-computed E2SFCA on two Ortsteile and two day-care centres.
import { useSeededGraphQL } from '../../../../test/graphql';

const { gql } = useSeededGraphQL();
const ACCESS = `query($costs: [TravelCostInput!], $demand: DemandMode = LABEL_POINTS) {
  accessibility(category: "day_care", year: 2023, demand: $demand, decay: GAUSSIAN, costs: $costs) {
    parameters { distance catchment }
    areas { area { code } population accessibility }
    supplies { serviceId ratio demandPointsInReach }
  }
}`;

type Area = { area: { code: string }; population: number | null; accessibility: number | null };

it('with costs only the pairs given are in reach, at their cost: E2SFCA by hand', async () => {
  const plain = (await gql.data(ACCESS, { costs: null })).accessibility;
  expect(plain.parameters.distance).toMatch(/detour factor/);
  const [a, b] = (plain.areas as Area[]).filter((x) => (x.population ?? 0) > 0);
  const [s1, s2] = plain.supplies.map((s: { serviceId: number }) => s.serviceId);
  const catchment = plain.parameters.catchment;
  const costs = [
    { areaCode: a!.area.code, serviceId: s1, metres: 0 },
    { areaCode: b!.area.code, serviceId: s1, metres: 0 },
    { areaCode: a!.area.code, serviceId: s2, metres: 0 },
    // beyond the catchment: out of reach like a pair not given
    { areaCode: b!.area.code, serviceId: s2, metres: catchment + 1 },
  ];
  const r = (await gql.data(ACCESS, { costs })).accessibility;
  expect(r.parameters.distance).toBe('network metres given by the caller (costs: 4 pairs); a pair not given is out of reach');
  // Gaussian weight at 0 m is 1; each centre counts 1 (no capacities):
  // R1 = 1 / (D_a + D_b), R2 = 1 / D_a;  A_a = R1 + R2, A_b = R1; every other Ortsteil 0
  const Da = a!.population!;
  const Db = b!.population!;
  const byCode = new Map((r.areas as Area[]).map((x) => [x.area.code, x]));
  expect(byCode.get(a!.area.code)!.accessibility).toBeCloseTo(1 / (Da + Db) + 1 / Da, 12);
  expect(byCode.get(b!.area.code)!.accessibility).toBeCloseTo(1 / (Da + Db), 12);
  const others = (r.areas as Area[]).filter((x) => x.area.code !== a!.area.code && x.area.code !== b!.area.code && x.accessibility !== null);
  expect(others.length).toBeGreaterThan(50);
  expect(others.every((x) => x.accessibility === 0)).toBe(true);
  const supply = new Map(r.supplies.map((s: { serviceId: number; ratio: number | null; demandPointsInReach: number }) => [s.serviceId, s]));
  expect(supply.get(s1)).toMatchObject({ demandPointsInReach: 2 });
  expect((supply.get(s1) as { ratio: number }).ratio).toBeCloseTo(1 / (Da + Db), 12);
  expect((supply.get(s2) as { ratio: number }).ratio).toBeCloseTo(1 / Da, 12);
  // demand conservation over what is in reach: Σ D_k A_k = 2 centres
  expect(Da * byCode.get(a!.area.code)!.accessibility! + Db * byCode.get(b!.area.code)!.accessibility!).toBeCloseTo(2, 9);
});

it('refuses unknown areas and services, negative costs, duplicates and grid demand, naming the entry', async () => {
  const plain = (await gql.data(ACCESS, { costs: null })).accessibility;
  const code = plain.areas[0].area.code;
  const service = plain.supplies[0].serviceId;
  const refused = async (costs: object[], demand = 'LABEL_POINTS') => {
    const result = await gql.run(ACCESS, { costs, demand });
    expect(result.data).toBeNull();
    return result.errors![0]!.message;
  };
  expect(await refused([{ areaCode: code, serviceId: service, metres: -5 }])).toMatch(/costs\[0\]\.metres must be a number ≥ 0 \(got -5\)/);
  expect(await refused([{ areaCode: code, serviceId: service, metres: 1 }, { areaCode: 'XX', serviceId: service, metres: 1 }])).toMatch(/costs\[1\]\.areaCode: unknown area "XX"/);
  expect(await refused([{ areaCode: '0', serviceId: service, metres: 1 }])).toMatch(/costs\[0\]\.areaCode: "0" is no demand point \(level DISTRICT\)/);
  expect(await refused([{ areaCode: code, serviceId: -1, metres: 1 }])).toMatch(/costs\[0\]\.serviceId: -1 is no counted service of category day_care/);
  expect(await refused([{ areaCode: code, serviceId: service, metres: 1 }, { areaCode: code, serviceId: service, metres: 2 }])).toMatch(/costs\[1\]: .* given twice/);
  expect(await refused([{ areaCode: code, serviceId: service, metres: 1 }], 'GRID')).toMatch(/costs need demand: LABEL_POINTS/);
});
