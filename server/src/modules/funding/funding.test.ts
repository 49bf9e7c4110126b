import Decimal from 'decimal.js';
import { anonymousCaller, type Caller } from '../auth/caller';
import { useSeededGraphQL } from '../../../test/graphql';

/** The Decimal scalar drops trailing zeros ("356500"); compare amounts at cent precision. */
const cents = (amount: string) => new Decimal(amount).toFixed(2);

const planner: Caller = { ...anonymousCaller, role: 'PLANNER', canSeeUnpublished: true };

const totalsQuery = `query($level: AreaLevel!, $ids: [Int!], $from: Int, $to: Int, $base: Int) {
  fundingTotals(level: $level, areaIds: $ids, fromYear: $from, toYear: $to, baseYear: $base) {
    area { id code name } year nominal real baseYear perResident method
  } }`;

describe('funding API on the demo data', () => {
  const statements: string[] = [];
  const { db, gql } = useSeededGraphQL({ onQuery: (sql) => statements.push(sql) });

  const area = (code: string) => db.prisma.area.findFirstOrThrow({ where: { code, cityArea: { code: '14713000' } } });

  /** Funding placed in an area, by hand: each line split evenly over the service's locations inside the polygon. */
  async function handSum(code: string, year: number): Promise<string> {
    const [row] = await db.prisma.$queryRaw<{ total: string }[]>`
      SELECT coalesce(sum(f.amount * inside.n / all_locs.n), 0)::text AS total
        FROM funding f
        JOIN LATERAL (SELECT count(*) AS n FROM service_location sl WHERE sl.service_id = f.service_id) all_locs ON TRUE
        JOIN LATERAL (SELECT count(*) AS n FROM service_location sl JOIN location l ON l.id = sl.location_id, area a
                       WHERE sl.service_id = f.service_id AND a.code = ${code} AND ST_Within(l.geom, a.geom)) inside ON TRUE
       WHERE f.year = ${year} AND f.status IN ('GRANTED', 'PAID') AND f.service_id IS NOT NULL`;
    return new Decimal(row!.total).toDecimalPlaces(2).toFixed(2);
  }

  it('returns the consumer price index with base 2020 = 100', async () => {
    const data = await gql.data(`{ priceIndex { year value baseYear } }`);
    const byYear = Object.fromEntries(data.priceIndex.map((p: { year: number; value: number }) => [p.year, p.value]));
    expect(byYear[2015]).toBe(94.5);
    expect(byYear[2020]).toBe(100);
    expect(byYear[2024]).toBe(119.3);
    expect(new Set(data.priceIndex.map((p: { baseYear: number }) => p.baseYear))).toEqual(new Set([2020]));
  });

  it('totals a district’s funding per year equal to a hand SQL sum, in real terms with the real VPI', async () => {
    const grunau = await area('62');
    const data = await gql.data(totalsQuery, { level: 'DISTRICT', ids: [grunau.id], from: 2015, to: 2024 });
    expect(data.fundingTotals.map((t: { year: number }) => t.year)).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    for (const year of [2015, 2024]) {
      const row = data.fundingTotals.find((t: { year: number }) => t.year === year);
      const expected = await handSum('62', year);
      expect(Number(expected)).toBeGreaterThan(0);
      expect(cents(row.nominal)).toBe(expected);
      expect(row.baseYear).toBe(2020);
      const vpi = year === 2015 ? '94.5' : '119.3';
      expect(cents(row.real)).toBe(new Decimal(row.nominal).times(100).div(vpi).toDecimalPlaces(2).toFixed(2));
      expect(row.method).toMatch(/provider without a service/);
    }
    const y2015 = data.fundingTotals.find((t: { year: number }) => t.year === 2015);
    expect(Number(y2015.real)).toBeGreaterThan(Number(y2015.nominal)); // 2015 prices were lower than 2020's
  });

  it('returns money as exact decimal strings', async () => {
    const data = await gql.data(`{ fundings(first: 3) { nodes { amount } } fundingTotals(level: CITY, fromYear: 2020, toYear: 2020) { nominal real } }`);
    for (const f of data.fundings.nodes) expect(typeof f.amount).toBe('string');
    expect(typeof data.fundingTotals[0].nominal).toBe('string');
    expect(data.fundingTotals[0].nominal).toBe(data.fundingTotals[0].real); // base year: real equals nominal
  });

  it('rolls districts up to boroughs and the city, and places all service funding inside the city', async () => {
    const west = await area('6');
    const districts = await db.prisma.area.findMany({ where: { parentId: west.id } });
    const data = await gql.data(`query($b: [Int!], $d: [Int!]) {
      b: fundingTotals(level: BOROUGH, areaIds: $b, fromYear: 2022, toYear: 2022) { nominal }
      d: fundingTotals(level: DISTRICT, areaIds: $d, fromYear: 2022, toYear: 2022) { nominal }
      c: fundingTotals(level: CITY, fromYear: 2022, toYear: 2022) { nominal }
    }`, { b: [west.id], d: districts.map((d) => d.id) });
    const sum = data.d.reduce((acc: Decimal, t: { nominal: string }) => acc.plus(t.nominal), new Decimal(0));
    expect(cents(data.b[0].nominal)).toBe(sum.toFixed(2));
    const [all] = await db.prisma.$queryRaw<{ total: string }[]>`
      SELECT sum(amount)::text AS total FROM funding WHERE year = 2022 AND status IN ('GRANTED', 'PAID') AND service_id IS NOT NULL`;
    expect(cents(data.c[0].nominal)).toBe(new Decimal(all!.total).toFixed(2));
  });

  it('gives real funding per resident from the population of the area and year', async () => {
    const id = (await area('62')).id;
    const data = await gql.data(totalsQuery, { level: 'DISTRICT', ids: [id], from: 2015, to: 2024 });
    const population = await db.prisma.$queryRaw<{ year: number; value: number }[]>`
      SELECT v.year, v.value FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
       WHERE i.key = 'population' AND v.area_id = ${id} AND v.status <> 'SUPPRESSED' AND v.value IS NOT NULL`;
    expect(population.length).toBeGreaterThan(0);
    for (const row of data.fundingTotals) {
      const pop = population.find((p) => p.year === row.year);
      if (!pop) expect(row.perResident).toBeNull();
      else expect(cents(row.perResident)).toBe(new Decimal(row.real).div(pop.value).toDecimalPlaces(2).toFixed(2));
    }
  });

  it('leaves funding given to a provider without a service out of the area totals, and says so', async () => {
    const provider = await db.prisma.provider.findFirstOrThrow();
    const city = await area('14713000');
    const before = await gql.data(totalsQuery, { level: 'CITY', ids: [city.id], from: 2021, to: 2021 });
    const line = await db.prisma.funding.create({
      data: { providerId: provider.id, funder: 'ESF Plus', year: 2021, amount: '12345.67', kind: 'PROJECT_GRANT', status: 'PAID' },
    });
    try {
      const after = await gql.data(totalsQuery, { level: 'CITY', ids: [city.id], from: 2021, to: 2021 });
      expect(after.fundingTotals[0].nominal).toBe(before.fundingTotals[0].nominal);
      expect(after.fundingTotals[0].method).toContain('12345.67 EUR in 2021');
      const listed = await gql.data(`query($p: Int!) { fundings(filter: { providerId: $p, fromYear: 2021, toYear: 2021, funders: ["ESF Plus"] }) { nodes { amount service { id } provider { id } } } }`, { p: provider.id });
      expect(listed.fundings.nodes).toEqual([{ amount: '12345.67', service: null, provider: { id: provider.id } }]);
    } finally {
      await db.prisma.funding.delete({ where: { id: line.id } });
    }
  });

  it('refuses a base year without price index and a reversed year range', async () => {
    const noIndex = await gql.run(`{ fundingTotals(level: CITY, baseYear: 1990) { nominal } }`);
    expect(noIndex.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'baseYear' });
    const reversed = await gql.run(`{ fundingTotals(level: CITY, fromYear: 2024, toYear: 2015) { nominal } }`);
    expect(reversed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'toYear' });
  });

  it('filters funding lines by area spatially and by service, kind and status', async () => {
    const grunau = await area('62');
    const [expected] = await db.prisma.$queryRaw<{ n: number; total: string }[]>`
      SELECT count(*)::int AS n, sum(f.amount)::text AS total FROM funding f
       WHERE f.year = 2023 AND f.kind = 'GRANT' AND f.service_id IN (
         SELECT sl.service_id FROM service_location sl JOIN location l ON l.id = sl.location_id JOIN area a ON ST_Within(l.geom, a.geom)
          WHERE a.code = '62')`;
    const data = await gql.data(`query($a: Int!) { fundings(first: 500, filter: { areaId: $a, fromYear: 2023, toYear: 2023, kinds: [GRANT] }) {
      totalCount nodes { amount kind year } } }`, { a: grunau.id });
    expect(data.fundings.totalCount).toBe(expected!.n);
    const total = data.fundings.nodes.reduce((acc: Decimal, f: { amount: string }) => acc.plus(f.amount), new Decimal(0));
    expect(total.toFixed(2)).toBe(new Decimal(expected!.total).toFixed(2));
  });

  it('lists a service’s funding by year and hides unpublished lines from anonymous callers', async () => {
    const line = await db.prisma.funding.findFirstOrThrow({ where: { year: 2019, serviceId: { not: null } }, orderBy: { id: 'asc' } });
    const q = `query($s: Int!) { service(id: $s) { fundings(fromYear: 2018, toYear: 2020) { year amount } } }`;
    const before = await gql.data(q, { s: line.serviceId });
    expect(before.service.fundings.map((f: { year: number }) => f.year)).toEqual(expect.arrayContaining([2018, 2019, 2020]));
    await db.prisma.funding.update({ where: { id: line.id }, data: { published: false } });
    try {
      const anonymous = await gql.data(q, { s: line.serviceId });
      expect(anonymous.service.fundings).toHaveLength(before.service.fundings.length - 1);
      const internal = await gql.data(q, { s: line.serviceId }, planner);
      expect(internal.service.fundings).toHaveLength(before.service.fundings.length);
    } finally {
      await db.prisma.funding.update({ where: { id: line.id }, data: { published: true } });
    }
  });

  it('runs the same number of SQL statements for 5 and for 50 funding lines with nested relations', async () => {
    const q = `query($n: Int!) { fundings(first: $n) { nodes { amount source { key }
      service { name category { key } locations { area { name } } } provider { name } } } }`;
    const count = async (n: number) => {
      statements.length = 0;
      const data = await gql.data(q, { n });
      expect(data.fundings.nodes).toHaveLength(n);
      return statements.length;
    };
    const five = await count(5);
    const fifty = await count(50);
    expect(fifty).toBe(five);
  });

  it('computes totals for all districts and years in one statement', async () => {
    statements.length = 0;
    const data = await gql.data(`{ fundingTotals(level: DISTRICT) { area { name } year nominal real perResident } }`);
    expect(data.fundingTotals).toHaveLength(63 * 10);
    expect(statements.filter((s) => /WITH RECURSIVE/.test(s))).toHaveLength(1);
    expect(statements.length).toBeLessThanOrEqual(3);
  });
});
