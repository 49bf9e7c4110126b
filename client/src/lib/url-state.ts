// What the planner sees, in the address bar, so a link reproduces the view (and the back button
// works). Unknown or broken parameters fall back to defaults instead of failing.
import type { AreaLevel, ServiceStatus } from '../generated/graphql';
import type { ClassMethod } from './classify';

/** The levels the map shows (the API's AreaLevel without the city). */
export type Level = Extract<AreaLevel, 'DISTRICT' | 'BOROUGH'>;
/** What colours the areas: an indicator, the need index (Bedarfsindex) or a category's gaps. */
export type LayerKind = 'indicator' | 'need' | 'gap';
export interface ViewState {
  layer: LayerKind;
  indicator: string;
  /** service category of the gap layer */
  gapCategory: string;
  year: number | null;
  compareYear: number | null;
  method: ClassMethod;
  classes: number;
  breaks: number[];
  level: Level;
  /** the official key of the selected area (e.g. "62"), as /embed uses it */
  area: string | null;
  /** longitude, latitude, zoom */
  camera: [number, number, number] | null;
  categories: string[];
  /** filters of the service points: status ('' = every status), target group, provider id */
  serviceStatus: ServiceStatusFilter;
  targetGroup: string | null;
  provider: number | null;
  /** the service whose catchment is shown */
  service: number | null;
  /** official keys of the areas to compare side by side (2–4), and whether that view is open */
  compareAreas: string[];
  compareOpen: boolean;
  /** orientation layers switched on (OSM): transit stops, social buildings */
  places: OrientationLayer[];
  /** district names on the map (on by default) */
  labels: boolean;
  /** a what-if scenario of the gap layer, so a reload or a shared link shows it again */
  scenario: ScenarioSpec;
  lang: 'de' | 'en';
  /** the city's URL key (`stadt=`); null: the API's default city, so older links stay the same */
  city: string | null;
}

export type OrientationLayer = 'stops' | 'social';

/** The changes of a scenario: new services, closed service ids, changed funding amounts (EUR). */
export interface ScenarioSpec {
  adds: { lon: number; lat: number; capacity: number; name: string }[];
  closes: number[];
  funding: { serviceId: number; year: number; amount: number }[];
}

export const EMPTY_SCENARIO: ScenarioSpec = { adds: [], closes: [], funding: [] };

export type ServiceStatusFilter = ServiceStatus | '';

export const DEFAULT_VIEW: ViewState = {
  layer: 'indicator',
  indicator: 'sgb2_rate',
  gapCategory: 'youth_club',
  year: null,
  compareYear: null,
  method: 'quantile',
  classes: 5,
  breaks: [],
  level: 'DISTRICT',
  area: null,
  camera: null,
  categories: [],
  serviceStatus: 'ACTIVE',
  targetGroup: null,
  provider: null,
  service: null,
  compareAreas: [],
  compareOpen: false,
  places: [],
  labels: true,
  scenario: EMPTY_SCENARIO,
  lang: 'de',
  city: null,
};

/** At most this many areas side by side (a printed A4 page still holds their columns). */
export const MAX_COMPARE = 4;
export const MIN_COMPARE = 2;

const PLACE_PARAM: Record<OrientationLayer, string> = { stops: 'haltestellen', social: 'einrichtungen' };

const LAYER_PARAM: Record<LayerKind, string> = { indicator: 'indikator', need: 'bedarf', gap: 'luecke' };
const KEY = /^[a-z0-9_]{1,64}$/;
const AREA_KEY = /^[A-Za-z0-9_-]{1,32}$/;
const ENUM = /^[A-Z][A-Z0-9_]{0,63}$/;
const STATUS_PARAM: Record<Exclude<ServiceStatusFilter, 'ACTIVE'>, string> = { PLANNED: 'geplant', CLOSED: 'geschlossen', '': 'alle' };
const METHODS: ClassMethod[] = ['quantile', 'equal', 'jenks', 'manual'];

function int(text: string | null): number | null {
  if (text === null || !/^-?\d+$/.test(text)) return null;
  return Number(text);
}

export function parseView(search: string): ViewState {
  const p = new URLSearchParams(search);
  const v: ViewState = { ...DEFAULT_VIEW };
  const ind = p.get('indikator');
  if (ind && KEY.test(ind)) v.indicator = ind;
  const layer = p.get('schicht');
  if (layer === 'bedarf') v.layer = 'need';
  if (layer === 'luecke') v.layer = 'gap';
  const cat = p.get('angebotsart');
  if (cat && KEY.test(cat)) v.gapCategory = cat;
  v.year = int(p.get('jahr'));
  v.compareYear = int(p.get('vergleich'));
  const m = p.get('klassen');
  if (m && (METHODS as string[]).includes(m)) v.method = m as ClassMethod;
  const k = int(p.get('anzahl'));
  if (k !== null && k >= 2 && k <= 7) v.classes = k;
  const b = p.get('grenzen');
  if (b) v.breaks = b.split(',').map(Number).filter(Number.isFinite);
  if (p.get('ebene') === 'BOROUGH') v.level = 'BOROUGH';
  const area = p.get('gebiet');
  if (area && AREA_KEY.test(area)) v.area = area;
  const cam = p.get('karte')?.split(',').map(Number);
  if (cam && cam.length === 3 && cam.every(Number.isFinite) && Math.abs(cam[0]) <= 180 && Math.abs(cam[1]) <= 90) {
    v.camera = [cam[0], cam[1], cam[2]];
  }
  const cats = p.get('angebote');
  if (cats) v.categories = cats.split(',').filter((c) => KEY.test(c) || c === 'all');
  const status = Object.entries(STATUS_PARAM).find(([, name]) => name === p.get('status'));
  if (status) v.serviceStatus = status[0] as ServiceStatusFilter;
  const group = p.get('zielgruppe');
  if (group && ENUM.test(group)) v.targetGroup = group;
  v.provider = int(p.get('traeger'));
  v.service = int(p.get('angebot'));
  const compared = p.get('gebiete');
  if (compared) v.compareAreas = [...new Set(compared.split(',').filter((c) => AREA_KEY.test(c)))].slice(0, MAX_COMPARE);
  v.compareOpen = p.get('ansicht') === 'vergleich' && v.compareAreas.length > 0;
  const places = (p.get('orte') ?? '').split(',');
  v.places = (Object.keys(PLACE_PARAM) as OrientationLayer[]).filter((k) => places.includes(PLACE_PARAM[k]));
  if (p.get('namen') === 'aus') v.labels = false;
  v.scenario = parseScenario(p);
  if (p.get('sprache') === 'en') v.lang = 'en';
  const city = p.get('stadt');
  if (city && KEY.test(city)) v.city = city;
  return v;
}

const num = (text: string | undefined): number | null => (text !== undefined && /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : null);

/**
 * The scenario in the address: `neu=lon,lat,capacity,name;…` (name URI-encoded), `zu=id,id`,
 * `foerderung=service:year:euro,…`. A broken part is dropped, never the whole view.
 */
function parseScenario(p: URLSearchParams): ScenarioSpec {
  const adds: ScenarioSpec['adds'] = [];
  for (const part of (p.get('neu') ?? '').split(';').filter(Boolean).slice(0, 50)) {
    const [lon, lat, cap, ...name] = part.split(',');
    const x = num(lon);
    const y = num(lat);
    const c = num(cap);
    if (x === null || y === null || c === null || Math.abs(x) > 180 || Math.abs(y) > 90 || c <= 0) continue;
    let label = name.join(',');
    try {
      label = decodeURIComponent(label);
    } catch {
      // a name that is not valid URI encoding is kept as it stands
    }
    adds.push({ lon: x, lat: y, capacity: c, name: label.slice(0, 200) });
  }
  const closes = [...new Set((p.get('zu') ?? '').split(',').map((x) => int(x)).filter((x): x is number => x !== null && x > 0))];
  const funding: ScenarioSpec['funding'] = [];
  for (const part of (p.get('foerderung') ?? '').split(',').filter(Boolean).slice(0, 500)) {
    const [id, year, amount] = part.split(':').map((x) => num(x));
    if (id == null || year == null || amount == null || !Number.isInteger(id) || !Number.isInteger(year) || amount < 0) continue;
    if (funding.some((f) => f.serviceId === id && f.year === year)) continue;
    funding.push({ serviceId: id, year, amount });
  }
  return adds.length || closes.length || funding.length ? { adds, closes, funding } : EMPTY_SCENARIO;
}

function serializeScenario(p: URLSearchParams, s: ScenarioSpec) {
  if (s.adds.length) p.set('neu', s.adds.map((a) => `${a.lon.toFixed(5)},${a.lat.toFixed(5)},${a.capacity},${encodeURIComponent(a.name)}`).join(';'));
  if (s.closes.length) p.set('zu', s.closes.join(','));
  if (s.funding.length) p.set('foerderung', s.funding.map((f) => `${f.serviceId}:${f.year}:${f.amount}`).join(','));
}

export function serializeView(v: ViewState): string {
  const p = new URLSearchParams();
  if (v.city !== null) p.set('stadt', v.city);
  if (v.layer !== 'indicator') p.set('schicht', LAYER_PARAM[v.layer]);
  p.set('indikator', v.indicator);
  if (v.layer === 'gap') p.set('angebotsart', v.gapCategory);
  if (v.year !== null) p.set('jahr', String(v.year));
  if (v.compareYear !== null) p.set('vergleich', String(v.compareYear));
  if (v.method !== DEFAULT_VIEW.method) p.set('klassen', v.method);
  if (v.classes !== DEFAULT_VIEW.classes) p.set('anzahl', String(v.classes));
  if (v.method === 'manual' && v.breaks.length) p.set('grenzen', v.breaks.join(','));
  if (v.level !== DEFAULT_VIEW.level) p.set('ebene', v.level);
  if (v.area !== null) p.set('gebiet', v.area);
  if (v.camera) p.set('karte', `${v.camera[0].toFixed(5)},${v.camera[1].toFixed(5)},${v.camera[2].toFixed(2)}`);
  if (v.categories.length) p.set('angebote', v.categories.join(','));
  if (v.serviceStatus !== 'ACTIVE') p.set('status', STATUS_PARAM[v.serviceStatus]);
  if (v.targetGroup) p.set('zielgruppe', v.targetGroup);
  if (v.provider !== null) p.set('traeger', String(v.provider));
  if (v.service !== null) p.set('angebot', String(v.service));
  if (v.compareAreas.length) p.set('gebiete', v.compareAreas.join(','));
  if (v.compareOpen && v.compareAreas.length) p.set('ansicht', 'vergleich');
  if (v.places.length) p.set('orte', v.places.map((k) => PLACE_PARAM[k]).join(','));
  if (!v.labels) p.set('namen', 'aus');
  if (v.layer === 'gap') serializeScenario(p, v.scenario);
  if (v.lang !== 'de') p.set('sprache', v.lang);
  return `?${p.toString().replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%3B/g, ';')}`;
}

/**
 * The embeddable view (/embed): the parameters other departments put into an iframe, in English
 * and stable: indicator, year, area (official key, e.g. "62"), layers (comma-separated:
 * "need", "gap:<category>", "services" or "services:<category>"), level, lang.
 */
export interface EmbedState {
  view: ViewState;
  areaCode: string | null;
}

export function parseEmbed(search: string): EmbedState {
  const p = new URLSearchParams(search);
  const view: ViewState = { ...DEFAULT_VIEW };
  const ind = p.get('indicator');
  if (ind && KEY.test(ind)) view.indicator = ind;
  view.year = int(p.get('year'));
  if (p.get('level')?.toUpperCase() === 'BOROUGH') view.level = 'BOROUGH';
  if (p.get('lang') === 'en') view.lang = 'en';
  for (const layer of (p.get('layers') ?? '').split(',').map((l) => l.trim()).filter(Boolean)) {
    const [kind, arg] = layer.split(':');
    if (kind === 'need') view.layer = 'need';
    else if (kind === 'gap') {
      view.layer = 'gap';
      if (arg && KEY.test(arg)) view.gapCategory = arg;
    } else if (kind === 'services') {
      const cats = arg ? arg.split(/[+ ]/).filter((c) => KEY.test(c)) : ['all'];
      if (cats.length) view.categories = [...new Set([...view.categories, ...cats])];
    } else if ((kind === 'stops' || kind === 'social') && !view.places.includes(kind)) view.places = [...view.places, kind];
  }
  // the city (key or, as in the atlas, stadt=); absent: the API's default city
  const city = p.get('city') ?? p.get('stadt');
  if (city && KEY.test(city)) view.city = city;
  const area = p.get('area');
  return { view, areaCode: area && AREA_KEY.test(area) ? area : null };
}

/** The /embed address of a view (for the "embed" snippet). */
export function embedSearch(view: ViewState, areaCode: string | null): string {
  const p = new URLSearchParams();
  p.set('indicator', view.indicator);
  if (view.year !== null) p.set('year', String(view.year));
  if (areaCode) p.set('area', areaCode);
  const layers: string[] = [];
  if (view.layer === 'need') layers.push('need');
  if (view.layer === 'gap') layers.push(`gap:${view.gapCategory}`);
  if (view.categories.length) layers.push(view.categories.includes('all') ? 'services' : `services:${view.categories.join('+')}`);
  layers.push(...view.places);
  if (layers.length) p.set('layers', layers.join(','));
  if (view.city !== null) p.set('city', view.city);
  if (view.level !== DEFAULT_VIEW.level) p.set('level', view.level);
  if (view.lang !== 'de') p.set('lang', view.lang);
  return `?${p.toString().replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%2B/g, '+')}`;
}
