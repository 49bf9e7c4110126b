import { readFileSync } from 'node:fs';
import path from 'node:path';
import { useSeededGraphQL } from '../../../test/graphql';
import type { Caller } from '../auth/caller';

type KdValues = { data: Record<string, Record<string, { value: number; district: string }[]>> };
const leipzigFile = (name: string) =>
  JSON.parse(readFileSync(path.resolve(__dirname, '../../../../seed/data/leipzig', name), 'utf8')) as KdValues;
const population = leipzigFile('leipzig-einwohner-insgesamt.json').data;
const populationOf = (year: number, district: string) =>
  population[String(year)]!['Einwohner insgesamt']!.find((r) => r.district === district)!.value;
const statisticsCaller: Caller = { role: 'STATISTICS', canSeeSuppressed: true, canSeeUnpublished: true };

describe('indicators API on the Leipzig data', () => {
  const { db, gql } = useSeededGraphQL();

  it('lists the catalogue by topic with unit, polarity, aggregation and attribution', async () => {
    const data = await gql.data(`{ indicators(topic: POVERTY) { key unit polarity aggregation denominator { key } source { attribution licence synthetic } } }`);
    const sgb2 = data.indicators.find((i: { key: string }) => i.key === 'sgb2_rate');
    expect(sgb2).toMatchObject({ unit: 'PERCENT', polarity: 'HIGHER_IS_WORSE' });
    expect(sgb2.source.attribution).toContain('Stadt Leipzig');
    expect(sgb2.source.synthetic).toBe(false);
    expect(data.indicators.every((i: { key: string }) => i.key !== 'population')).toBe(true);
  });

  it('returns an area’s value for an indicator and year exactly as published, with status', async () => {
    const data = await gql.data(`{ area(code: "62") { value(indicator: "population", year: 2022) { value status derived year } } }`);
    expect(data.area.value).toEqual({ value: populationOf(2022, 'Grünau-Mitte'), status: 'REGULAR', derived: false, year: 2022 });
  });

  it('returns the city’s population derived as the sum of the 63 districts', async () => {
    const expected = population['2022']!['Einwohner insgesamt']!.reduce((sum, r) => sum + r.value, 0);
    const data = await gql.data(`{ areas(filter: { level: CITY }) { nodes { value(indicator: "population", year: 2022) { value derived } } } }`);
    expect(data.areas.nodes[0].value).toEqual({ value: expected, derived: true });
  });

  it('returns a time series per area, ordered by year and limited to the span asked', async () => {
    const data = await gql.data(`{ area(code: "21") { series(indicator: "population", fromYear: 2015, toYear: 2020) { year value } } }`);
    expect(data.area.series.map((v: { year: number }) => v.year)).toEqual([2015, 2016, 2017, 2018, 2019, 2020]);
    expect(data.area.series[0].value).toBe(populationOf(2015, 'Volkmarsdorf'));
  });

  it('returns values for indicators × areas × years as rows', async () => {
    const data = await gql.data(`{ indicatorValues(filter: { indicatorKeys: ["population", "unemployed"], areaCodes: ["62", "21"], years: [2020, 2021] }) {
      totalCount nodes { year value area { code } indicator { key } } } }`);
    expect(data.indicatorValues.totalCount).toBe(8);
    const row = data.indicatorValues.nodes.find((n: any) => n.area.code === '21' && n.year === 2021 && n.indicator.key === 'population');
    expect(row.value).toBe(populationOf(2021, 'Volkmarsdorf'));
  });

  it('never returns a suppressed value as a number to anonymous callers, on any path', async () => {
    const [area] = await db.prisma.$queryRaw<{ id: number }[]>`SELECT id FROM area WHERE code = '35'`;
    const indicator = await db.prisma.indicator.findUniqueOrThrow({ where: { key: 'unemployed' } });
    await db.prisma.indicatorValue.update({
      where: { indicatorId_areaId_year: { indicatorId: indicator.id, areaId: area!.id, year: 2020 } },
      data: { status: 'SUPPRESSED', baseStatus: 'SUPPRESSED' },
    });
    const query = `{
      area(code: "35") { value(indicator: "unemployed", year: 2020) { value status } series(indicator: "unemployed", fromYear: 2020, toYear: 2020) { value status } }
      indicatorValues(filter: { indicatorKeys: ["unemployed"], areaCodes: ["35"], years: [2020] }) { nodes { value status } }
    }`;
    const anonymous = await gql.data(query);
    expect(anonymous.area.value).toEqual({ value: null, status: 'SUPPRESSED' });
    expect(anonymous.area.series).toEqual([{ value: null, status: 'SUPPRESSED' }]);
    expect(anonymous.indicatorValues.nodes).toEqual([{ value: null, status: 'SUPPRESSED' }]);

    const statistics = await gql.data(query, undefined, statisticsCaller);
    expect(typeof statistics.area.value.value).toBe('number');
  });

  it('names the unknown indicator and refuses impossible years', async () => {
    const unknown = await gql.run(`{ area(code: "00") { value(indicator: "nope", year: 2020) { value } } }`);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', key: 'nope' });
    const year = await gql.run(`{ area(code: "00") { value(indicator: "population", year: 20200) { value } } }`);
    expect(year.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'year' });
  });
});
