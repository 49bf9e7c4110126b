import type { Database } from '@sozialatlas/db';
import { computeNeedIndex, type Observation } from '../../analysis';
import { openSeededDatabase } from '../../../test/db';
import { createGraphQL, useSeededGraphQL } from '../../../test/graphql';

// The planning analyses through the API, on the Leipzig reference data. What is asserted about the
// data (which districts rank highest) was looked up in the data first.

let statements = 0;
const { db, gql } = useSeededGraphQL({ onQuery: () => statements++ });

const NEED = `query($level: AreaLevel, $year: Int!, $indicators: [NeedIndicatorInput!]) {
  needIndex(level: $level, year: $year, indicators: $indicators) {
    method { de en }
    parameters { year baseYear span minPopulation indicators { key weight polarity derivedFrom } }
    areas {
      areaId: area { id name code }
      population excluded reason reasonDetail statusIndex statusZ statusClass needLabelDe rank dynamicsZ dynamicsClass
      combined { code de }
      components { indicatorKey value valueReason baseValue change z contribution }
    }
  }
}`;

async function count(fn: () => Promise<unknown>): Promise<number> {
  const before = statements;
  await fn();
  return statements - before;
}

describe('needIndex', () => {
  it('needIndexYears lists the years whose index has areas, and no later one', async () => {
    const { needIndexYears } = await gql.data(`{ needIndexYears }`);
    expect(needIndexYears.length).toBeGreaterThan(1);
    expect([...needIndexYears].sort((a: number, b: number) => a - b)).toEqual(needIndexYears);
    const last = needIndexYears[needIndexYears.length - 1];
    const at = await gql.data(NEED, { year: last });
    expect(at.needIndex.areas.some((a: { excluded: boolean }) => !a.excluded)).toBe(true);
    const after = await gql.data(NEED, { year: last + 1 });
    expect(after.needIndex.areas.every((a: { excluded: boolean }) => a.excluded)).toBe(true);
  });

  it('ranks Grünau-Nord, Grünau-Mitte, Volkmarsdorf and Paunsdorf highest in 2022 (status "sehr niedrig")', async () => {
    const { needIndex } = await gql.data(NEED, { year: 2022 });
    expect(needIndex.method.de).toMatch(/Monitorings Soziale Stadtentwicklung/);
    expect(needIndex.parameters).toMatchObject({ year: 2022, baseYear: 2020, span: 2, minPopulation: 300 });
    expect(needIndex.parameters.indicators.map((i: { key: string }) => i.key)).toEqual([
      'unemployment_rate',
      'sgb2_rate',
      'sgb2_child_share',
      'sgb2_single_parent_per_1000',
    ]);
    expect(needIndex.areas).toHaveLength(63);
    expect(needIndex.areas.every((a: { excluded: boolean }) => !a.excluded)).toBe(true);
    const top = [...needIndex.areas].sort((a, b) => a.rank - b.rank).slice(0, 4);
    expect(top.map((a) => a.areaId.name)).toEqual(['Grünau-Nord', 'Grünau-Mitte', 'Volkmarsdorf', 'Paunsdorf']);
    for (const a of top) {
      expect(a.statusClass).toBe('VERY_LOW');
      expect(a.needLabelDe).toBe('sehr hoher Bedarf');
    }
    // components add up to the status index
    for (const a of needIndex.areas) {
      const sum = a.components.reduce((s: number, c: { contribution: number }) => s + c.contribution, 0);
      expect(sum).toBeCloseTo(a.statusIndex, 10);
    }
  });

  it('equals the pure function fed by an independent SQL query', async () => {
    const { needIndex } = await gql.data(NEED, { year: 2022 });
    const rows = await db.prisma.$queryRaw<{ area_id: number; key: string; year: number; value: number }[]>`
      SELECT v.area_id, i.key, v.year, v.value FROM indicator_value v
        JOIN indicator i ON i.id = v.indicator_id JOIN area a ON a.id = v.area_id
       WHERE a.level = 'DISTRICT' AND v.year IN (2020, 2022)
         AND i.key IN ('unemployment_rate', 'sgb2_rate', 'sgb2_child_share', 'sgb2_single_parent_households', 'population')`;
    const get = (areaId: number, key: string, year: number) => rows.find((r) => r.area_id === areaId && r.key === key && r.year === year)?.value ?? null;
    const areaIds = [...new Set(rows.map((r) => r.area_id))];
    const values: Observation[] = [];
    for (const areaId of areaIds) {
      for (const year of [2020, 2022]) {
        for (const key of ['unemployment_rate', 'sgb2_rate', 'sgb2_child_share']) values.push({ areaId, indicatorKey: key, year, value: get(areaId, key, year) });
        const sp = get(areaId, 'sgb2_single_parent_households', year);
        const pop = get(areaId, 'population', year);
        values.push({ areaId, indicatorKey: 'sp', year, value: sp === null || !pop ? null : (1000 * sp) / pop });
      }
    }
    const expected = computeNeedIndex({
      year: 2022,
      areas: areaIds.map((areaId) => ({ areaId, population: get(areaId, 'population', 2022) })),
      indicators: ['unemployment_rate', 'sgb2_rate', 'sgb2_child_share', 'sp'].map((key) => ({ key, weight: 1, polarity: 'HIGHER_IS_WORSE' as const })),
      values,
    });
    for (const e of expected.areas) {
      const got = needIndex.areas.find((a: { areaId: { id: number } }) => a.areaId.id === e.areaId);
      expect(got.statusZ).toBeCloseTo(e.statusZ!, 10);
      expect(got.dynamicsZ).toBeCloseTo(e.dynamicsZ!, 10);
      expect(got.rank).toBe(e.rank);
    }
  });

  it('runs a fixed number of SQL statements, whatever the number of areas', async () => {
    // a new data version each time: the index is computed, not served from the analyses' cache
    const computed = async (level: string) => {
      await db.prisma.$executeRaw`UPDATE data_version SET version = version + 1`;
      return count(() => gql.data(NEED, { year: 2022, level }));
    };
    const district = await computed('DISTRICT');
    const borough = await computed('BOROUGH');
    expect(district).toBeGreaterThan(2);
    expect(district).toBe(borough);
    expect(district).toBeLessThanOrEqual(5);
  });

  it('rejects NEUTRAL indicators and bad weights with BAD_USER_INPUT naming the argument', async () => {
    const neutral = await gql.run(NEED, { year: 2022, indicators: [{ key: 'migrant_share', weight: 1 }] });
    expect(neutral.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'indicators[0].key' });
    const weight = await gql.run(NEED, { year: 2022, indicators: [{ key: 'sgb2_rate', weight: 0 }] });
    expect(weight.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'indicators[0].weight' });
    const unknown = await gql.run(NEED, { year: 2022, indicators: [{ key: 'nope', weight: 1 }] });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });
});

const COVERAGE = `query($level: AreaLevel, $keys: [String!]) {
  coverage(level: $level, year: 2023, categoryKeys: $keys) {
    method { de }
    parameters { categories { key norm { perThousand targetIndicatorKey targetDescription origin } } }
    rows { area { id name } category services capacity capacityKnown capacityComplete targetPopulation ratioPer1000 servicesPer1000 norm gap reason normOrigin }
  }
}`;

describe('coverage', () => {
  it('says capacity unknown (not 0) for day-care centres and counts services by location', async () => {
    const { coverage } = await gql.data(COVERAGE, { keys: ['day_care', 'youth_club'] });
    const counts = await db.prisma.$queryRaw<{ area_id: number; key: string; n: number }[]>`
      SELECT l.area_id, c.key, count(DISTINCT s.id)::int AS n FROM service s
        JOIN service_category c ON c.id = s.category_id JOIN service_location sl ON sl.service_id = s.id JOIN location l ON l.id = sl.location_id
       WHERE s.status = 'ACTIVE' AND s.published AND c.key IN ('day_care', 'youth_club') AND l.area_id IS NOT NULL
       GROUP BY 1, 2`;
    for (const row of coverage.rows) {
      const n = counts.find((c) => c.area_id === row.area.id && c.key === row.category)?.n ?? 0;
      expect(row.services).toBe(n);
      if (row.category === 'day_care' && row.services > 0) {
        expect(row).toMatchObject({ capacity: null, capacityKnown: false, ratioPer1000: null, gap: null, reason: 'CAPACITY_UNKNOWN' });
        expect(row.servicesPer1000).toBeGreaterThan(0);
      }
      if (row.category === 'youth_club') expect(row.capacityKnown).toBe(true);
    }
    const dayCare = coverage.parameters.categories.find((c: { key: string }) => c.key === 'day_care');
    expect(dayCare.norm.targetDescription).toMatch(/Näherung/);
    expect(dayCare.norm.origin).toMatch(/keine amtliche Norm/);
  });

  it('checks the ratio and gap arithmetic for one area, and counts boroughs by the location of the district', async () => {
    const { coverage } = await gql.data(COVERAGE, { keys: ['youth_club'] });
    const row = coverage.rows.find((r: { services: number }) => r.services > 0);
    expect(row.ratioPer1000).toBeCloseTo((1000 * row.capacity) / row.targetPopulation, 10);
    expect(row.gap).toBeCloseTo((row.norm * row.targetPopulation) / 1000 - row.capacity, 10);
    const boroughs = await gql.data(COVERAGE, { keys: ['youth_club'], level: 'BOROUGH' });
    const sum = (rows: { services: number; capacity: number }[]) => rows.reduce((s, r) => s + r.capacity, 0);
    expect(sum(boroughs.coverage.rows)).toBeCloseTo(sum(coverage.rows), 6);
  });

  it('runs a fixed number of SQL statements, whatever the number of areas', async () => {
    const district = await count(() => gql.data(COVERAGE, { level: 'DISTRICT' }));
    const borough = await count(() => gql.data(COVERAGE, { level: 'BOROUGH' }));
    expect(district).toBe(borough);
    expect(district).toBeLessThanOrEqual(5);
  });
});

const ACCESS = `query($cat: String!, $demand: DemandMode) {
  accessibility(category: $cat, year: 2023, demand: $demand) {
    method { en }
    parameters { capacityMode catchment zones { maxDistance weight } }
    areas { area { name } population accessibilityPer1000 reason demandPoints }
    supplies { serviceId capacity ratio }
    servicesNotCounted suppliesWithoutDemand
  }
}`;

describe('accessibility (E2SFCA)', () => {
  it('conserves supply: Σ demand × accessibility = Σ capacity when every service has demand in reach', async () => {
    const { accessibility } = await gql.data(ACCESS, { cat: 'youth_club' });
    expect(accessibility.parameters.capacityMode).toBe('CAPACITY');
    expect(accessibility.suppliesWithoutDemand).toEqual([]);
    const served = accessibility.areas.reduce((s: number, a: { population: number; accessibilityPer1000: number }) => s + (a.population * a.accessibilityPer1000) / 1000, 0);
    const capacity = accessibility.supplies.reduce((s: number, x: { capacity: number }) => s + x.capacity, 0);
    expect(served).toBeCloseTo(capacity, 6);
    expect(accessibility.areas.every((a: { demandPoints: number }) => a.demandPoints > 0)).toBe(true);
  });

  it('counts day-care centres as facilities (no capacities in the data)', async () => {
    const { accessibility } = await gql.data(ACCESS, { cat: 'day_care', demand: 'LABEL_POINTS' });
    expect(accessibility.parameters.capacityMode).toBe('FACILITY_COUNT');
    expect(accessibility.method.en).toMatch(/every service counts 1/);
    expect(accessibility.areas.every((a: { demandPoints: number }) => a.demandPoints === 1)).toBe(true);
  });
});

describe('gaps', () => {
  it('classifies every district for youth clubs with need from the 2022 index', async () => {
    const { gaps } = await gql.data(`{ gaps(category: "youth_club", year: 2023, needYear: 2022) {
      method { en } parameters { n needMeasure supplyMeasure needQuartiles } rows { area { name } need supply score gapClass } } }`);
    expect(gaps.parameters).toMatchObject({ n: 63, needMeasure: 'statusZ', supplyMeasure: 'e2sfcaPer1000' });
    expect(gaps.rows.every((r: { gapClass: string | null }) => r.gapClass !== null)).toBe(true);
    expect(gaps.method.en).toMatch(/E2SFCA/);
  });

  it('names every gap and status class for legends, also classes no area falls into', async () => {
    const { gaps, needIndex } = await gql.data(`{ gaps(category: "youth_club", year: 2023, needYear: 2022) { classes { key de en } }
      needIndex(year: 2022) { statusClasses { key de en } } }`);
    expect(gaps.classes).toEqual([
      { key: 'NONE', de: 'keine Lücke', en: 'no gap' },
      { key: 'MODERATE', de: 'mäßig', en: 'moderate' },
      { key: 'HIGH', de: 'hoch', en: 'high' },
      { key: 'CRITICAL', de: 'kritisch', en: 'critical' },
    ]);
    expect(needIndex.statusClasses.map((c: { key: string }) => c.key)).toEqual(['HIGH', 'MEDIUM', 'LOW', 'VERY_LOW']);
    expect(needIndex.statusClasses[3]).toEqual({ key: 'VERY_LOW', de: 'sehr hoher Bedarf', en: 'very high need' });
  });
});

describe('moneyFlows', () => {
  it('allocates funding by location, deflates it and correlates it with need', async () => {
    const { moneyFlows } = await gql.data(`{ moneyFlows(fromYear: 2020, toYear: 2022) {
      parameters { priceBaseYear span needYear }
      byAreaYear { area { id } year nominal real residents nominalPerResident }
      changes { nominalChangePercent realChangePercent dynamisierungFehlt }
      unallocated { year amount }
      needCorrelation { rho n year } } }`);
    expect(moneyFlows.parameters).toMatchObject({ priceBaseYear: 2022, span: 2, needYear: 2022 });
    const [total] = await db.prisma.$queryRaw<{ s: string }[]>`
      SELECT sum(amount)::text AS s FROM funding WHERE year = 2021 AND service_id IS NOT NULL AND status <> 'APPLIED' AND published`;
    const allocated = moneyFlows.byAreaYear
      .filter((r: { year: number }) => r.year === 2021)
      .reduce((s: number, r: { nominal: string }) => s + Number(r.nominal), 0);
    const unallocated = moneyFlows.unallocated.filter((u: { year: number }) => u.year === 2021).reduce((s: number, u: { amount: string }) => s + Number(u.amount), 0);
    expect(allocated + unallocated).toBeCloseTo(Number(total!.s), 2);
    const r2021 = moneyFlows.byAreaYear.find((r: { year: number; nominal: string }) => r.year === 2021 && Number(r.nominal) > 0);
    expect(Number(r2021.real)).toBeCloseTo((Number(r2021.nominal) * 110.2) / 103.1, 1);
    expect(typeof r2021.nominal).toBe('string');
    expect(moneyFlows.needCorrelation).toMatchObject({ n: 63, year: 2022 });
    expect(moneyFlows.needCorrelation.rho).toBeGreaterThan(-1);
  });
});

describe('earlyWarnings', () => {
  it('gives alerts whose evidence matches the stored area and city values', async () => {
    const { earlyWarnings } = await gql.data(`{ earlyWarnings(year: 2022) {
      parameters { rules { kind indicatorKey } }
      alerts { area { id name } indicatorKey rule { kind } years values cityValues message } notEvaluated { indicatorKey } } }`);
    expect(earlyWarnings.parameters.rules).toHaveLength(12);
    expect(earlyWarnings.alerts.length).toBeGreaterThan(0);
    const rows = await db.prisma.$queryRaw<{ area_id: number; level: string; key: string; year: number; value: number }[]>`
      SELECT v.area_id, a.level::text AS level, i.key, v.year, v.value FROM indicator_value v
        JOIN indicator i ON i.id = v.indicator_id JOIN area a ON a.id = v.area_id
       WHERE i.key IN ('unemployment_rate', 'sgb2_rate', 'sgb2_child_share') AND v.year BETWEEN 2019 AND 2022`;
    const stored = earlyWarnings.alerts.filter((a: { indicatorKey: string }) => a.indicatorKey !== 'sgb2_single_parent_per_1000');
    expect(stored.length).toBeGreaterThan(0);
    for (const alert of stored) {
      alert.years.forEach((year: number, i: number) => {
        expect(rows.find((r) => r.area_id === alert.area.id && r.key === alert.indicatorKey && r.year === year)?.value).toBe(alert.values[i]);
        if (alert.cityValues) expect(rows.find((r) => r.level === 'CITY' && r.key === alert.indicatorKey && r.year === year)?.value).toBe(alert.cityValues[i]);
      });
    }
    const gm = earlyWarnings.alerts.find((a: { area: { name: string }; indicatorKey: string; rule: { kind: string } }) =>
      a.area.name === 'Grünau-Mitte' && a.indicatorKey === 'sgb2_rate' && a.rule.kind === 'WORSE_THAN_CITY');
    expect(gm.message).toMatch(/SGB-II-Quote: 30 % im Jahr 2022/);
  });

  it('requires a threshold for THRESHOLD rules', async () => {
    const result = await gql.run(`{ earlyWarnings(year: 2022, rules: [{ kind: THRESHOLD, indicatorKey: "sgb2_rate" }]) { alerts { message } } }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'rules[0].threshold' });
  });
});

describe('scenario', () => {
  const SCENARIO = `query($input: ScenarioInput!) { scenario(input: $input) {
    method { de } parameters { addedServices { id areaId capacity } }
    areas { area { id name } changed before { services capacity accessibilityPer1000 gapClass } after { services capacity accessibilityPer1000 gapClass } } } }`;

  it('a large new youth club in Grünau-Mitte raises its accessibility; nothing is written', async () => {
    const [gm] = await db.prisma.$queryRaw<{ id: number; lon: number; lat: number }[]>`
      SELECT id, ST_X(label_point) AS lon, ST_Y(label_point) AS lat FROM area WHERE name = 'Grünau-Mitte'`;
    const tables = async () =>
      db.prisma.$queryRaw<{ n: string }[]>`SELECT (SELECT count(*) FROM service)::text || '/' || (SELECT count(*) FROM location)::text || '/' ||
        (SELECT count(*) FROM service_location)::text || '/' || (SELECT count(*) FROM funding)::text AS n`;
    const before = await tables();
    const { scenario } = await gql.data(SCENARIO, {
      input: { category: 'youth_club', year: 2023, needYear: 2022, addServices: [{ lon: gm!.lon, lat: gm!.lat, capacity: 500, name: 'Neuer Treff' }] },
    });
    expect(scenario.parameters.addedServices).toEqual([{ id: 'new-1', areaId: gm!.id, capacity: 500 }]);
    const area = scenario.areas.find((a: { area: { id: number } }) => a.area.id === gm!.id);
    expect(area.after.services).toBe(area.before.services + 1);
    expect(area.after.capacity).toBe(area.before.capacity + 500);
    expect(area.after.accessibilityPer1000).toBeGreaterThan(area.before.accessibilityPer1000);
    expect(area.changed).toEqual(expect.arrayContaining(['capacity', 'accessibility']));
    expect(await tables()).toEqual(before);
  });

  it('validates the input, naming the argument', async () => {
    const far = await gql.run(SCENARIO, { input: { category: 'youth_club', year: 2023, addServices: [{ lon: 13.5, lat: 51.3, capacity: 5 }] } });
    expect(far.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.addServices[0]' });
    const zero = await gql.run(SCENARIO, { input: { category: 'youth_club', year: 2023, addServices: [{ lon: 12.37, lat: 51.34, capacity: 0 }] } });
    expect(zero.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.addServices[0].capacity' });
    const many = await gql.run(SCENARIO, {
      input: { category: 'youth_club', year: 2023, addServices: Array.from({ length: 51 }, () => ({ lon: 12.37, lat: 51.34, capacity: 1 })) },
    });
    expect(many.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.addServices' });
    const close = await gql.run(SCENARIO, { input: { category: 'youth_club', year: 2023, closeServiceIds: [999999] } });
    expect(close.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.closeServiceIds[0]' });
  });
});

describe('suppressed values (Geheimhaltung)', () => {
  let priv: Database;
  let api: Awaited<ReturnType<typeof createGraphQL>>;
  let areaId: number;
  let secret: { rate: number; pop: number };

  beforeAll(async () => {
    priv = await openSeededDatabase();
    api = await createGraphQL(priv);
    const [row] = await priv.prisma.$queryRaw<{ id: number; rate: number; pop: number }[]>`
      SELECT a.id,
             (SELECT v.value FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id WHERE v.area_id = a.id AND i.key = 'sgb2_rate' AND v.year = 2022) AS rate,
             (SELECT v.value FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id WHERE v.area_id = a.id AND i.key = 'sgb2_single_parent_households' AND v.year = 2022) AS pop
        FROM area a WHERE a.name = 'Volkmarsdorf'`;
    areaId = row!.id;
    secret = { rate: row!.rate, pop: row!.pop };
    await priv.prisma.$executeRaw`
      UPDATE indicator_value SET status = 'SUPPRESSED', base_status = 'SUPPRESSED'
       WHERE area_id = ${areaId} AND year = 2022
         AND indicator_id IN (SELECT id FROM indicator WHERE key IN ('sgb2_rate', 'sgb2_single_parent_households', 'population'))`;
  });

  afterAll(async () => {
    await api.stop();
    await priv.close();
  });

  it('excludes the area from the need index and never returns the number to anonymous callers', async () => {
    const { needIndex } = await api.data(NEED, { year: 2022 });
    const area = needIndex.areas.find((a: { areaId: { id: number } }) => a.areaId.id === areaId);
    expect(area).toMatchObject({ excluded: true, statusZ: null, statusClass: null, rank: null, combined: null });
    const rate = area.components.find((c: { indicatorKey: string }) => c.indicatorKey === 'sgb2_rate');
    expect(rate).toMatchObject({ value: null, valueReason: 'SUPPRESSED', change: null, z: null, contribution: null });
    const sp = area.components.find((c: { indicatorKey: string }) => c.indicatorKey === 'sgb2_single_parent_per_1000');
    expect(sp).toMatchObject({ value: null, valueReason: 'SUPPRESSED' });
    expect(area.population).toBeNull();
    expect(needIndex.areas.filter((a: { excluded: boolean }) => !a.excluded)).toHaveLength(62);

    const warnings = await api.data(`{ earlyWarnings(year: 2022) {
      alerts { area { id } indicatorKey years values } notEvaluated { area { id } indicatorKey reason detail } } }`);
    for (const alert of warnings.earlyWarnings.alerts.filter((a: { area: { id: number } }) => a.area.id === areaId)) {
      expect(alert.indicatorKey).not.toBe('sgb2_rate');
      expect(alert.indicatorKey).not.toBe('sgb2_single_parent_per_1000');
    }
    expect(warnings.earlyWarnings.notEvaluated).toContainEqual({ area: { id: areaId }, indicatorKey: 'sgb2_rate', reason: 'SUPPRESSED', detail: 'Gebiet 2022' });

    const text = JSON.stringify(needIndex.areas.find((a: { areaId: { id: number } }) => a.areaId.id === areaId));
    expect(text).not.toContain(`"value":${secret.rate},`);
  });

  it('makes the coverage target population null with reason SUPPRESSED', async () => {
    const { coverage } = await api.data(`{ coverage(year: 2022, categoryKeys: ["youth_club"]) { rows { area { id } targetPopulation ratioPer1000 gap reason } } }`);
    const row = coverage.rows.find((r: { area: { id: number } }) => r.area.id === areaId);
    expect(row).toMatchObject({ targetPopulation: null, ratioPer1000: null, gap: null, reason: 'SUPPRESSED' });
  });
});
