import { readdirSync } from 'node:fs';
import { leipzigDataDir } from '../paths';
import { leipzigMapping, MappingError, parseMapping } from './statistics.mapping';

const indicator = (key: string, extra: Record<string, unknown> = {}) => ({
  key, name: key, nameEn: key, description: 'd', unit: 'COUNT', topic: 'DEMOGRAPHY', polarity: 'NEUTRAL', aggregation: 'SUM', ...extra,
});
const problems = (json: unknown) => {
  try {
    parseMapping(json, 'x.mapping.json');
  } catch (error) {
    expect(error).toBeInstanceOf(MappingError);
    return (error as MappingError).problems.map((p) => `${p.path}: ${p.de} / ${p.en}`);
  }
  throw new Error('no problem found');
};

test('the shipped Leipzig mapping passes its schema and maps every shipped kdvalues file it names', () => {
  const m = leipzigMapping();
  expect(m.indicators.length).toBeGreaterThan(40);
  const shipped = new Set(readdirSync(leipzigDataDir()));
  for (const f of m.files) expect(shipped.has(f.file)).toBe(true);
});

test('schema problems name the JSON path and say what is wrong in German and English', () => {
  expect(
    problems({
      indicators: [indicator('population', { unit: 'PERSONS' }), indicator('Crime Rate')],
      files: [{ file: 'a.json', priority: -1, subIndicators: { X: 42 }, colour: 'red' }],
    }),
  ).toEqual([
    "/indicators/0/unit: muss einer dieser Werte sein: COUNT, PERCENT, PER_THOUSAND, RATIO, EUR, EUR_PER_MONTH, YEARS, PER_KM2, SQUARE_METRE / must be equal to one of the allowed values",
    '/indicators/1/key: ein Schlüssel in Kleinbuchstaben, Ziffern und _ (z. B. crimes_per_1000) / must match pattern "^[a-z][a-z0-9_]*$"',
    '/files/0: unbekanntes Feld „colour“ / must NOT have additional properties',
    '/files/0/priority: muss ≥ 0 sein / must be >= 0',
    '/files/0/subIndicators/X: muss ein Indikatorschlüssel oder ein Objekt {indicator, scale?, fromYear?, toYear?} sein / must be an indicator key or an object {indicator, scale?, fromYear?, toYear?}',
  ]);
  expect(problems({ indicators: [] })).toEqual(['/: Pflichtfeld „files“ fehlt / must have required property \'files\'']);
});

test('cross-references the schema cannot check: duplicates, undefined keys, what each aggregation needs, year ranges', () => {
  expect(
    problems({
      indicators: [
        indicator('population'),
        indicator('population'),
        indicator('rate', { unit: 'PERCENT', aggregation: 'WEIGHTED_MEAN' }),
        indicator('share', { unit: 'COUNT', aggregation: 'RATIO_OF_COUNTS', numerator: 'migrants', denominator: 'population' }),
      ],
      relations: [{ total: 'population', parts: ['men', 'women'] }],
      files: [
        { file: 'a.json', priority: 1, subIndicators: { A: 'population', B: { indicator: 'population', fromYear: 2020, toYear: 2010 } } },
        { file: 'a.json', priority: 2, subIndicators: { C: 'rate' } },
      ],
    }),
  ).toEqual([
    '/indicators/1/key: Indikator „population“ ist doppelt definiert / indicator "population" is defined twice',
    '/indicators/2: WEIGHTED_MEAN braucht „denominator“ (das Gewicht) / WEIGHTED_MEAN needs "denominator" (the weight)',
    '/indicators/3/numerator: Indikator „migrants“ ist unter /indicators nicht definiert / indicator "migrants" is not defined in /indicators',
    '/indicators/3/unit: RATIO_OF_COUNTS gibt es nur für PERCENT oder RATIO / RATIO_OF_COUNTS is only for PERCENT or RATIO',
    '/relations/0/parts/0: Indikator „men“ ist unter /indicators nicht definiert / indicator "men" is not defined in /indicators',
    '/relations/0/parts/1: Indikator „women“ ist unter /indicators nicht definiert / indicator "women" is not defined in /indicators',
    '/files/0/subIndicators/B: fromYear 2020 liegt nach toYear 2010 / fromYear 2020 is after toYear 2010',
    '/files/1/file: Datei „a.json“ ist doppelt eingetragen / file "a.json" is listed twice',
  ]);
});

test('a sub-indicator name with a slash is escaped in the JSON Pointer', () => {
  expect(problems({ indicators: [indicator('a')], files: [{ file: 'a.json', priority: 1, subIndicators: { 'Männer/Frauen': 'b' } }] })).toEqual([
    '/files/0/subIndicators/Männer~1Frauen: Indikator „b“ ist unter /indicators nicht definiert / indicator "b" is not defined in /indicators',
  ]);
});
