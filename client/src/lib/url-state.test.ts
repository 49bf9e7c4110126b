import assert from 'node:assert/strict';
import { DEFAULT_VIEW, embedSearch, parseEmbed, parseView, serializeView } from './url-state';

test('a view survives the round trip through the address bar', () => {
  const view = { ...DEFAULT_VIEW, indicator: 'unemployment_rate', year: 2020, compareYear: 2015, method: 'jenks' as const, classes: 4, area: '07', camera: [12.37, 51.34, 11.5] as [number, number, number], categories: ['day_care'], lang: 'en' as const };
  assert.deepEqual(parseView(serializeView(view)), view);
});

test('the area is named by its official key, as in /embed, leading zeros kept', () => {
  assert.match(serializeView({ ...DEFAULT_VIEW, area: '00' }), /gebiet=00/);
  assert.equal(parseView('?gebiet=62').area, '62');
  assert.equal(parseView('?gebiet=<x>').area, null);
});

test('manual breaks are kept', () => {
  const view = { ...DEFAULT_VIEW, method: 'manual' as const, breaks: [5, 10.5] };
  assert.deepEqual(parseView(serializeView(view)).breaks, [5, 10.5]);
});

test('the service filters and the chosen service survive the round trip', () => {
  const view = { ...DEFAULT_VIEW, categories: ['counselling'], serviceStatus: '' as const, targetGroup: 'SENIORS', provider: 12, service: 345 };
  const search = serializeView(view);
  assert.match(search, /angebote=counselling&status=alle&zielgruppe=SENIORS&traeger=12&angebot=345/);
  assert.deepEqual(parseView(search), view);
  assert.equal(parseView('?status=geplant').serviceStatus, 'PLANNED');
  assert.doesNotMatch(serializeView(DEFAULT_VIEW), /status=/, 'the default (in Betrieb) stays out of the address');
});

test('broken parameters fall back to the defaults', () => {
  const v = parseView('?indikator=<script>&jahr=abc&klassen=foo&anzahl=99&karte=500,1,2&gebiet=1.5&status=offen&zielgruppe=<b>&traeger=x&angebot=1e3');
  assert.deepEqual(v, DEFAULT_VIEW);
});

test('the layer (need index, gap with its category) survives the round trip', () => {
  for (const view of [{ ...DEFAULT_VIEW, layer: 'need' as const, year: 2022 }, { ...DEFAULT_VIEW, layer: 'gap' as const, gapCategory: 'day_care', year: 2021 }]) {
    assert.deepEqual(parseView(serializeView(view)), view);
  }
  assert.match(serializeView({ ...DEFAULT_VIEW, layer: 'gap', gapCategory: 'day_care' }), /schicht=luecke&indikator=sgb2_rate&angebotsart=day_care/);
  assert.equal(parseView('?schicht=foo').layer, 'indicator');
});

test('embed parameters: indicator, year, area code, layers', () => {
  const e = parseEmbed('?indicator=unemployment_rate&year=2020&area=62&layers=gap:day_care,services&lang=en');
  assert.equal(e.view.indicator, 'unemployment_rate');
  assert.equal(e.view.year, 2020);
  assert.equal(e.areaCode, '62');
  assert.equal(e.view.layer, 'gap');
  assert.equal(e.view.gapCategory, 'day_care');
  assert.deepEqual(e.view.categories, ['all']);
  assert.equal(e.view.lang, 'en');
  assert.deepEqual(parseEmbed('?layers=need,services:day_care+youth_club').view.categories, ['day_care', 'youth_club']);
  assert.equal(parseEmbed('?area=<x>&layers=bogus').areaCode, null);
  const view = { ...DEFAULT_VIEW, layer: 'need' as const, year: 2022, categories: ['day_care'] };
  assert.equal(embedSearch(view, '62'), '?indicator=sgb2_rate&year=2022&area=62&layers=need,services:day_care');
  assert.deepEqual(parseEmbed(embedSearch(view, '62')), { view, areaCode: '62' });
});

test('embed: the city (city= or stadt=) and the orientation layers (layers=stops,social) round-trip', () => {
  const e = parseEmbed('?city=chemnitz&level=BOROUGH&layers=social,stops,social');
  assert.equal(e.view.city, 'chemnitz');
  assert.equal(e.view.level, 'BOROUGH');
  assert.deepEqual(e.view.places, ['social', 'stops']);
  assert.equal(parseEmbed('?stadt=chemnitz').view.city, 'chemnitz');
  assert.equal(parseEmbed('?city=<x>').view.city, null);
  const view = { ...DEFAULT_VIEW, city: 'chemnitz', places: ['social' as const] };
  assert.equal(embedSearch(view, null), '?indicator=sgb2_rate&layers=social&city=chemnitz');
  assert.deepEqual(parseEmbed(embedSearch(view, null)).view, view);
});

test('the compared areas (official keys, at most four) and the open comparison are in the address', () => {
  const view = { ...DEFAULT_VIEW, compareAreas: ['00', '62', '83'], compareOpen: true };
  assert.match(serializeView(view), /gebiete=00,62,83&ansicht=vergleich/);
  assert.deepEqual(parseView(serializeView(view)), view);
  assert.deepEqual(parseView('?gebiete=01,<x>,01,02,03,04,05').compareAreas, ['01', '02', '03', '04']);
  // an open comparison without areas is no comparison
  assert.equal(parseView('?ansicht=vergleich').compareOpen, false);
  assert.doesNotMatch(serializeView({ ...DEFAULT_VIEW, compareOpen: true }), /ansicht/);
});

test('the orientation layers and the labels switch survive the round trip', () => {
  const view = { ...DEFAULT_VIEW, places: ['stops' as const, 'social' as const], labels: false };
  const search = serializeView(view);
  assert.match(search, /orte=haltestellen,einrichtungen&namen=aus/);
  assert.deepEqual(parseView(search), view);
  assert.deepEqual(parseView('?orte=haltestellen,foo').places, ['stops']);
  assert.doesNotMatch(serializeView(DEFAULT_VIEW), /orte=|namen=/, 'defaults stay out of the address');
});

test('a scenario of the gap layer is in the address: new services (with names), closures, funding changes', () => {
  const scenario = {
    adds: [{ lon: 12.2915, lat: 51.3189, capacity: 60, name: 'Jugendtreff Grünau; neu, mit 60 Plätzen' }],
    closes: [17, 42],
    funding: [{ serviceId: 17, year: 2022, amount: 50000 }, { serviceId: 9, year: 2022, amount: 0 }],
  };
  const view = { ...DEFAULT_VIEW, layer: 'gap' as const, gapCategory: 'youth_club', year: 2022, scenario };
  const search = serializeView(view);
  assert.match(search, /neu=12\.29150,51\.31890,60,Jugendtreff/);
  assert.match(search, /zu=17,42&foerderung=17:2022:50000,9:2022:0/);
  assert.deepEqual(parseView(search), view);
  // only on the gap layer: another layer's address carries no scenario
  assert.doesNotMatch(serializeView({ ...view, layer: 'need' }), /neu=|zu=|foerderung=/);
});

test('broken scenario parts are dropped, the rest kept', () => {
  const v = parseView('?schicht=luecke&neu=12.3,51.3,60,A;500,1,2,B;12.4,51.3,-5,C;12.4,51.3,abc,D&zu=3,x,-1,3&foerderung=5:2022:100,5:2022:200,6:2022:-1,7:x:1');
  assert.deepEqual(v.scenario, { adds: [{ lon: 12.3, lat: 51.3, capacity: 60, name: 'A' }], closes: [3], funding: [{ serviceId: 5, year: 2022, amount: 100 }] });
  assert.deepEqual(parseView('?schicht=luecke&neu=;;').scenario, DEFAULT_VIEW.scenario);
});

test('the city is kept as stadt=<key>; without one the address stays as before (default city)', () => {
  assert.match(serializeView({ ...DEFAULT_VIEW, city: 'chemnitz' }), /^\?stadt=chemnitz&/);
  assert.doesNotMatch(serializeView(DEFAULT_VIEW), /stadt=/);
  assert.equal(parseView('?stadt=chemnitz').city, 'chemnitz');
  assert.equal(parseView('?indikator=sgb2_rate').city, null);
  assert.equal(parseView('?stadt=<x>').city, null);
});
