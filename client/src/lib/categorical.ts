// Class layers: the need index (Bedarfsindex, status classes) and coverage gaps
// (Versorgungslücken). Unlike an indicator they come already classified by the API, so the
// colours are fixed per class; names and labels come from the API only (its class list names
// also the classes no area falls into). Both palettes are ColorBrewer schemes marked colour-blind safe,
// ordered from least to most need, darker = more need.
import { NO_DATA_COLOR } from './colors';

export interface ClassDef {
  key: string;
  color: string;
}

/** Short class names from the API (`needIndex.statusClasses`, `gaps.classes`), by class key. */
export type ClassNames = Map<string, string>;

export function classNames(list: { key: string; de: string; en: string }[] | null | undefined, locale: 'de' | 'en'): ClassNames {
  return new Map((list ?? []).map((c) => [c.key, locale === 'en' ? c.en : c.de]));
}

/** Need-index status classes, least → most need (YlOrRd, 4 classes). */
export const NEED_CLASSES: ClassDef[] = [
  { key: 'HIGH', color: '#ffffb2' },
  { key: 'MEDIUM', color: '#fecc5c' },
  { key: 'LOW', color: '#fd8d3c' },
  { key: 'VERY_LOW', color: '#e31a1c' },
];

/** Gap classes, no gap → critical (RdPu, 4 classes: distinct from the need layer's hues). */
export const GAP_CLASSES: ClassDef[] = [
  { key: 'NONE', color: '#feebe2' },
  { key: 'MODERATE', color: '#fbb4b9' },
  { key: 'HIGH', color: '#f768a1' },
  { key: 'CRITICAL', color: '#ae017e' },
];

/** Excluded from the index (ausgeschlossen): grey with the hatching, see the areas style. */
export const EXCLUDED_COLOR = '#bdbdbd';

export interface ClassRow {
  areaId: number;
  /** class key, null when the area has no class */
  classKey: string | null;
  /** label from the API in the current language */
  label: string | null;
  /** the number behind the class (S* or gap score); higher = more need */
  value: number | null;
  rank: number | null;
  excluded: boolean;
  reason: string | null;
}

export interface ClassLayer {
  paint: Map<number, { color: string | null; status: string }>;
  /** areas per class, in the order of `defs` */
  counts: number[];
  /** label per class: the API's row label when any area has it, else the API's class name */
  labels: string[];
  excluded: number;
  noData: number;
}

export function classLayer(rows: ClassRow[], defs: ClassDef[], areaIds: number[], names: ClassNames): ClassLayer {
  const byArea = new Map(rows.map((r) => [r.areaId, r]));
  const index = new Map(defs.map((d, i) => [d.key, i]));
  const counts = defs.map(() => 0);
  const labels = defs.map((d) => names.get(d.key) ?? d.key);
  const paint = new Map<number, { color: string | null; status: string }>();
  let excluded = 0;
  let noData = 0;
  for (const id of areaIds) {
    const r = byArea.get(id);
    const i = r?.classKey != null ? index.get(r.classKey) : undefined;
    if (r && i !== undefined) {
      counts[i]++;
      if (r.label) labels[i] = r.label;
      paint.set(id, { color: defs[i].color, status: 'REGULAR' });
    } else if (r?.excluded) {
      excluded++;
      paint.set(id, { color: EXCLUDED_COLOR, status: 'EXCLUDED' });
    } else {
      noData++;
      paint.set(id, { color: NO_DATA_COLOR, status: 'MISSING' });
    }
  }
  return { paint, counts, labels, excluded, noData };
}

export interface ScenarioChange {
  areaId: number;
  afterClass: string | null;
  afterLabel?: string | null;
  /** the gap score after the scenario, when the API gives it */
  afterScore?: number | null;
}

/**
 * The gap rows as the scenario leaves them: the scenario lists only the areas whose figures
 * change; all others keep their class.
 */
export function withScenario(rows: ClassRow[], changes: ScenarioChange[], names: ClassNames): ClassRow[] {
  const after = new Map(changes.map((c) => [c.areaId, c]));
  return rows.map((r) => {
    const c = after.get(r.areaId);
    if (!c) return r;
    const value = c.afterScore !== undefined ? c.afterScore : r.value;
    if (c.afterClass === r.classKey) return value === r.value ? r : { ...r, value };
    // the API's long label belongs to the old class: take the new one's (or its short name)
    const label = c.afterLabel ?? rows.find((o) => o.classKey === c.afterClass)?.label ?? (c.afterClass ? names.get(c.afterClass) : null) ?? null;
    return { ...r, classKey: c.afterClass, label, value, excluded: false };
  });
}
