// What a scenario changes, in planner words and in the order a planner reads it: areas whose gap
// class moves first (largest move first), then the areas whose class stays (folded away in the UI).
import { GAP_CLASSES, type ClassNames } from '../../lib/categorical';
import { formatEuro, formatNumber, type Locale } from '../../lib/format';
import type { ScenarioAreaResult, ScenarioMoneyResult } from './use-scenario';

export interface SummaryRow {
  areaId: number;
  name: string;
  from: string | null;
  to: string | null;
  /** steps on the gap scale: negative = the gap shrinks */
  move: number;
  /** short sentences: "+60 Plätze", "Erreichbarkeit 1,2 → 2,5 je 1.000", "Lücke hoch → mäßig" */
  words: string[];
}

const rank = (cls: string | null | undefined) => GAP_CLASSES.findIndex((c) => c.key === cls);
/** The class's name from the API (`gaps.classes`), by key. */
const label = (cls: string | null | undefined, locale: Locale, names: ClassNames) => (cls ? (names.get(cls) ?? cls) : locale === 'en' ? 'no data' : 'keine Daten');
const signed = (n: number, locale: Locale, digits = 0) => `${n > 0 ? '+' : n < 0 ? '\u2212' : '±'}${formatNumber(Math.abs(n), locale, digits)}`;

const WORDS = {
  de: { places: 'Plätze', services: (n: string) => `${n} Angebote`, service: (n: string) => `${n} Angebot`, access: 'Erreichbarkeit', per1000: 'je 1.000', gap: 'Lücke', funding: 'Förderung' },
  en: { places: 'places', services: (n: string) => `${n} services`, service: (n: string) => `${n} service`, access: 'Accessibility', per1000: 'per 1,000', gap: 'Gap', funding: 'Funding' },
};

export function summarise(areas: ScenarioAreaResult[], money: ScenarioMoneyResult[] | null | undefined, locale: Locale, classNames: ClassNames): { moved: SummaryRow[]; rest: SummaryRow[] } {
  const w = WORDS[locale];
  const rows = new Map<number, SummaryRow>();
  const row = (id: number, name: string) => {
    let r = rows.get(id);
    if (!r) rows.set(id, (r = { areaId: id, name, from: null, to: null, move: 0, words: [] }));
    return r;
  };
  for (const a of areas) {
    if (!a.area) continue;
    const r = row(a.area.id, a.area.name);
    r.from = a.before.gapClass ?? null;
    r.to = a.after.gapClass ?? null;
    r.move = r.from !== r.to && rank(r.from) >= 0 && rank(r.to) >= 0 ? rank(r.to) - rank(r.from) : 0;
    if (r.from !== r.to) r.words.push(`${w.gap} ${label(r.from, locale, classNames)} \u2192 ${label(r.to, locale, classNames)}`);
    const dServices = a.after.services - a.before.services;
    if (dServices !== 0) r.words.push((Math.abs(dServices) === 1 ? w.service : w.services)(signed(dServices, locale)));
    const dCapacity = (a.after.capacity ?? 0) - (a.before.capacity ?? 0);
    if (dCapacity !== 0 && a.after.capacity !== null && a.before.capacity !== null) r.words.push(`${signed(dCapacity, locale)} ${w.places}`);
    const ab = a.before.accessibilityPer1000;
    const aa = a.after.accessibilityPer1000;
    if (ab !== aa && ab != null && aa != null) r.words.push(`${w.access} ${formatNumber(ab, locale, 2)} \u2192 ${formatNumber(aa, locale, 2)} ${w.per1000}`);
  }
  for (const m of money ?? []) {
    if (!m.area) continue;
    const before = Number(m.before);
    const after = Number(m.after);
    if (before === after) continue;
    const r = row(m.area.id, m.area.name);
    const delta = after - before;
    r.words.push(`${w.funding} ${m.year}: ${delta > 0 ? '+' : '\u2212'}${formatEuro(Math.abs(delta), locale)} (${formatEuro(before, locale)} \u2192 ${formatEuro(after, locale)})`);
  }
  const all = [...rows.values()];
  const byName = (a: SummaryRow, b: SummaryRow) => a.name.localeCompare(b.name, 'de');
  const moved = all.filter((r) => r.from !== r.to).sort((a, b) => Math.abs(b.move) - Math.abs(a.move) || a.move - b.move || byName(a, b));
  const rest = all.filter((r) => r.from === r.to).sort(byName);
  return { moved, rest };
}
