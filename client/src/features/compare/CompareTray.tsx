// The areas chosen for the comparison, beside the table: remove one, add one by search, open
// the side-by-side view. The view itself is loaded on demand (CompareView).
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../app/i18n';
import type { AreaInfo } from '../../data/use-areas';
import { MAX_COMPARE, MIN_COMPARE } from '../../lib/url-state';
import { useChartTexts } from '../charts/texts';

/** The area a typed name means: the exact name, else the only one containing it (case and accents ignored). */
export function findArea<A extends { name: string; code: string | null }>(areas: A[], text: string): A | null {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase('de-DE').trim();
  const q = fold(text);
  if (!q) return null;
  const exact = areas.find((a) => fold(a.name) === q || a.code === text.trim());
  if (exact) return exact;
  const some = areas.filter((a) => fold(a.name).includes(q));
  return some.length === 1 ? some[0] : null;
}

export function CompareTray({ areas, codes, open = false, onChange, onOpen }: { areas: AreaInfo[]; codes: string[]; open?: boolean; onChange: (codes: string[]) => void; onOpen: (open: boolean) => void }) {
  const { locale } = useI18n();
  const c = useChartTexts();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const chosen = codes.map((code) => areas.find((a) => a.code === code)).filter((a): a is AreaInfo => !!a);
  const full = chosen.length >= MAX_COMPARE;
  const add = (e: FormEvent) => {
    e.preventDefault();
    const a = findArea(areas, text);
    if (!a) return setProblem(c.compareNotFound(text));
    setProblem(null);
    setText('');
    if (!codes.includes(a.code)) onChange([...codes, a.code]);
  };
  const collator = new Intl.Collator(locale === 'en' ? 'en-GB' : 'de-DE');
  return (
    <section className="compare-tray" aria-labelledby="compare-tray-title" data-testid="compare-tray">
      <h2 id="compare-tray-title">
        {c.compareTray} <span className="muted small">({chosen.length}/{MAX_COMPARE})</span>
      </h2>
      {chosen.length === 0 && <p className="muted small">{c.compareHint(MIN_COMPARE, MAX_COMPARE)}</p>}
      {chosen.length > 0 && (
        <ul className="chips">
          {chosen.map((a) => (
            <li key={a.code}>
              {a.name}{' '}
              <button type="button" className="chip-remove" aria-label={c.compareRemove(a.name)} onClick={() => onChange(codes.filter((x) => x !== a.code))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="compare-search" onSubmit={add}>
        <label htmlFor="compare-search" className="small">{c.compareSearch}</label>
        <div className="row">
          <input id="compare-search" type="text" list="compare-search-list" value={text} disabled={full} onChange={(e) => setText(e.target.value)} aria-invalid={problem ? true : undefined} aria-describedby={problem ? 'compare-search-problem' : undefined} />
          <button type="submit" disabled={full}>{c.compareSearchButton}</button>
          <button type="button" className="primary" disabled={chosen.length < MIN_COMPARE} onClick={() => onOpen(!open)} data-testid="compare-open">
            {open ? c.compareClose : c.compareOpen}
          </button>
        </div>
        <datalist id="compare-search-list">
          {[...areas].sort((a, b) => collator.compare(a.name, b.name)).map((a) => (
            <option key={a.code} value={a.name} />
          ))}
        </datalist>
        {problem && <p id="compare-search-problem" className="error small" role="alert">{problem}</p>}
        {full && <p className="muted small">{c.compareFull(MAX_COMPARE)}</p>}
      </form>
    </section>
  );
}
