import path from 'node:path';
import { leipzigDataDir } from '../paths';
import { newReport } from '../report';
import { looseProviderKey, parseAddressUri, readOffices, readRdfList } from './real-services';
import { mapOfficeUnit, mapVereinCategories, NOT_SOCIAL, splitCategories, VEREIN_CATEGORY_RULES } from './service-mapping';

const dir = path.join(leipzigDataDir(), 'services');

test('address URIs of the RDF lists are split into postcode, city, street and number', () => {
  expect(parseAddressUri('http://leipzig-data.de/Data/04249.Leipzig.Dieskaustrasse.138')).toEqual({ postalCode: '04249', city: 'Leipzig', street: 'Dieskaustrasse', houseNumber: '138' });
  expect(parseAddressUri('http://leipzig-data.de/Data/01309.Dresden.Kaethe-Kollwitz-Ufer.84')!.city).toBe('Dresden');
  expect(parseAddressUri('http://leipzig-data.de/Data/Verein/ADFC')).toBeNull();
});

test('comma-joined category values are split, "Kinder, Jugend und Familie" stays one', () => {
  expect(splitCategories(['Suchthilfe, Suchthilfe, Suchtberatungs- und Behandlungsstellen, Wohnprojekte', 'Kinder, Jugend und Familie, Frauenvereine'])).toEqual([
    'Suchthilfe', 'Suchtberatungs- und Behandlungsstellen', 'Wohnprojekte', 'Kinder, Jugend und Familie', 'Frauenvereine',
  ]);
});

test('category mapping: by priority; culture is not mapped into a social category', () => {
  expect(mapVereinCategories(['Frauenvereine', 'Suchthilfe']).key).toBe('addiction_counselling');
  expect(mapVereinCategories(['Seniorenvereine']).key).toBe('senior_meeting');
  expect(mapVereinCategories(['Kulturvereine', 'Musik'])).toEqual({ key: null, unmapped: ['Kulturvereine', 'Musik'] });
  // no category is both mapped and declared not social
  const mapped = VEREIN_CATEGORY_RULES.flatMap(([, names]) => names);
  expect(mapped.filter((c) => NOT_SOCIAL.includes(c))).toEqual([]);
});

test('every category value in the shipped Vereine is either mapped or declared not social', () => {
  const report = newReport('Vereine.ttl');
  readRdfList(path.join(dir, 'Vereine.ttl'), new Map(), report);
  const unknown = report.skipped
    .filter((s) => s.reason.startsWith('category not social'))
    .flatMap((s) => s.reason.replace('category not social in this product: ', '').split(', '))
    .filter((c) => !NOT_SOCIAL.includes(c) && c !== 'Jugend und Familie');
  expect(unknown).toEqual([]);
});

test('Behördenwegweiser units: Sucht → addiction, Wohnungsnotfallhilfe → homeless help, Beratung → counselling, else public office', () => {
  expect(mapOfficeUnit('Suchtberatung', ['Dezernat', 'Gesundheitsamt'])).toBe('addiction_counselling');
  expect(mapOfficeUnit('Wohnraumversorgung', ['Dezernat', 'Sozialamt', 'Soziale Wohnhilfen', 'Wohnraumversorgung'])).toBe('homeless_help');
  expect(mapOfficeUnit('Schwangerschafts- und Familienberatung', ['Dezernat', 'Gesundheitsamt', 'Amtsärztlicher Dienst'])).toBe('counselling');
  expect(mapOfficeUnit('Jobcenter Leipzig', ['Weitere Einrichtungen', 'Jobcenter Leipzig'])).toBe('public_office');
});

test('the shipped Behördenwegweiser: social units read with their Amt as municipal provider, other units skipped with the reason', () => {
  const report = newReport('offices');
  const records = readOffices(path.join(dir, 'leipzig-behoerdenwegweiser-2018-soziales.geojson'), report);
  expect(report.rowsRead).toBe(141);
  expect(records.length + report.skipped.length).toBe(141);
  expect(report.skipped.every((s) => /is not a social or youth unit/.test(s.reason))).toBe(true);
  const jobcenter = records.find((r) => r.externalId === 'orgunit-1000728')!;
  expect(jobcenter.provider).toEqual({ name: 'Jobcenter Leipzig', kind: 'MUNICIPAL' });
  expect(jobcenter.addresses[0]).toMatchObject({ street: 'Georg-Schumann-Straße', houseNumber: '171-175', postalCode: '04159' });
});

test('Seniorenbüros: named after their Stadtbezirk, Träger looked up by URI', () => {
  const report = newReport('Seniorenbueros.ttl');
  const labels = new Map([['http://leipzig-data.de/Data/Verein/Volkssolidaritaet.StadtverbandLeipzig', 'Volkssolidarität Stadtverband Leipzig e.V.']]);
  const records = readRdfList(path.join(dir, 'Seniorenbueros.ttl'), labels, report);
  expect(records).toHaveLength(10);
  const altWest = records.find((r) => r.name === 'Seniorenbüro Alt West')!;
  expect(altWest).toMatchObject({ category: 'senior_meeting', provider: { name: 'Volkssolidarität Stadtverband Leipzig e.V.' } });
  expect(altWest.addresses).toEqual([{ postalCode: '04179', city: 'Leipzig', street: 'SaalfelderStrasse', houseNumber: '12' }]);
});

test('loose provider key drops legal form and place words', () => {
  expect(looseProviderKey('Volkssolidarität Stadtverband Leipzig e.V.')).toBe(looseProviderKey('Volkssolidarität Leipzig e. V.'));
  expect(looseProviderKey('Caritasverband Leipzig e. V.')).not.toBe(looseProviderKey('Caritas Suchthilfe'));
});
