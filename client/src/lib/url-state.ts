// What the planner sees, in the address bar, so a link reproduces the view (and the back button
// works). Unknown or broken parameters fall back to defaults instead of failing.
import type { ClassMethod } from './classify';

export type Level = 'DISTRICT' | 'BOROUGH';
export interface ViewState {
  indicator: string;
  year: number | null;
  compareYear: number | null;
  method: ClassMethod;
  classes: number;
  breaks: number[];
  level: Level;
  area: number | null;
  /** longitude, latitude, zoom */
  camera: [number, number, number] | null;
  categories: string[];
  lang: 'de' | 'en';
}

export const DEFAULT_VIEW: ViewState = {
  indicator: 'sgb2_rate',
  year: null,
  compareYear: null,
  method: 'quantile',
  classes: 5,
  breaks: [],
  level: 'DISTRICT',
  area: null,
  camera: null,
  categories: [],
  lang: 'de',
};

const METHODS: ClassMethod[] = ['quantile', 'equal', 'jenks', 'manual'];

function int(text: string | null): number | null {
  if (text === null || !/^-?\d+$/.test(text)) return null;
  return Number(text);
}

export function parseView(search: string): ViewState {
  const p = new URLSearchParams(search);
  const v: ViewState = { ...DEFAULT_VIEW };
  const ind = p.get('indikator');
  if (ind && /^[a-z0-9_]{1,64}$/.test(ind)) v.indicator = ind;
  v.year = int(p.get('jahr'));
  v.compareYear = int(p.get('vergleich'));
  const m = p.get('klassen');
  if (m && (METHODS as string[]).includes(m)) v.method = m as ClassMethod;
  const k = int(p.get('anzahl'));
  if (k !== null && k >= 2 && k <= 7) v.classes = k;
  const b = p.get('grenzen');
  if (b) v.breaks = b.split(',').map(Number).filter(Number.isFinite);
  if (p.get('ebene') === 'BOROUGH') v.level = 'BOROUGH';
  v.area = int(p.get('gebiet'));
  const cam = p.get('karte')?.split(',').map(Number);
  if (cam && cam.length === 3 && cam.every(Number.isFinite) && Math.abs(cam[0]) <= 180 && Math.abs(cam[1]) <= 90) {
    v.camera = [cam[0], cam[1], cam[2]];
  }
  const cats = p.get('angebote');
  if (cats) v.categories = cats.split(',').filter((c) => /^[a-z0-9_]{1,64}$/.test(c));
  if (p.get('sprache') === 'en') v.lang = 'en';
  return v;
}

export function serializeView(v: ViewState): string {
  const p = new URLSearchParams();
  p.set('indikator', v.indicator);
  if (v.year !== null) p.set('jahr', String(v.year));
  if (v.compareYear !== null) p.set('vergleich', String(v.compareYear));
  if (v.method !== DEFAULT_VIEW.method) p.set('klassen', v.method);
  if (v.classes !== DEFAULT_VIEW.classes) p.set('anzahl', String(v.classes));
  if (v.method === 'manual' && v.breaks.length) p.set('grenzen', v.breaks.join(','));
  if (v.level !== DEFAULT_VIEW.level) p.set('ebene', v.level);
  if (v.area !== null) p.set('gebiet', String(v.area));
  if (v.camera) p.set('karte', `${v.camera[0].toFixed(5)},${v.camera[1].toFixed(5)},${v.camera[2].toFixed(2)}`);
  if (v.categories.length) p.set('angebote', v.categories.join(','));
  if (v.lang !== 'de') p.set('sprache', v.lang);
  return `?${p.toString().replace(/%2C/g, ',')}`;
}
