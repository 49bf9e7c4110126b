import { useMemo, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../app/i18n';
import { useChartTexts } from '../charts/texts';
import { formatChange, formatValue } from '../../lib/format';
import type { LayerMeta, ShownValue } from '../../lib/layer-values';
import type { AreaInfo } from '../../data/use-areas';

type SortKey = 'name' | 'parent' | 'value' | 'rank';
interface Props {
  areas: AreaInfo[];
  shown: Map<number, ShownValue>;
  ranks: Map<number, number>;
  meta: LayerMeta;
  caption: string;
  compare: { from: number; to: number } | null;
  selectedId: number | null;
  onSelect: (id: number) => void;
  /** the borough column; off for boroughs themselves */
  showParent?: boolean;
  /** class layers (need index, gaps): the class of each area, and the name of the value */
  classLabels?: Map<number, string> | null;
  valueLabel?: string;
  /** the areas chosen for the comparison, and how to add or remove one (a column of checkboxes) */
  compared?: number[];
  onToggleCompare?: (id: number) => void;
  compareFull?: boolean;
}

/** The same data as the map, for keyboard and screen-reader users and for reading exact values. */
export function AreaTable({ areas, shown, ranks, meta, caption, compare, selectedId, onSelect, showParent = true, classLabels = null, valueLabel, compared, onToggleCompare, compareFull = false }: Props) {
  const { t, locale } = useI18n();
  const c = useChartTexts();
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'rank', dir: 1 });
  const collator = useMemo(() => new Intl.Collator(locale === 'de' ? 'de-DE' : 'en-GB'), [locale]);

  const rows = useMemo(() => {
    const list = [...areas];
    const num = (v: number | null | undefined) => (v === null || v === undefined ? null : v);
    const cmp = (a: AreaInfo, b: AreaInfo): number => {
      switch (sort.key) {
        case 'name':
          return collator.compare(a.name, b.name);
        case 'parent':
          return collator.compare(a.parent?.name ?? '', b.parent?.name ?? '') || collator.compare(a.name, b.name);
        case 'value':
        case 'rank': {
          const va = sort.key === 'value' ? num(shown.get(a.id)?.value) : num(ranks.get(a.id));
          const vb = sort.key === 'value' ? num(shown.get(b.id)?.value) : num(ranks.get(b.id));
          if (va === null && vb === null) return collator.compare(a.name, b.name);
          if (va === null) return 1 * sort.dir; // missing values last (in ascending order)
          if (vb === null) return -1 * sort.dir;
          return va - vb || collator.compare(a.name, b.name);
        }
      }
    };
    return list.sort((a, b) => sort.dir * cmp(a, b));
  }, [areas, shown, ranks, sort, collator]);

  const header = (key: SortKey, label: string, numeric = false) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'} className={numeric ? 'num' : undefined}>
        <button type="button" className="sort" onClick={() => setSort({ key, dir: active ? (-sort.dir as 1 | -1) : 1 })} data-sort={key}>
          {label}
          <span aria-hidden="true" className="sort-mark">{active ? (sort.dir === 1 ? ' ▲' : ' ▼') : ' ↕'}</span>
        </button>
      </th>
    );
  };

  const statusText = (s: ShownValue | undefined) => (s?.status === 'SUPPRESSED' ? t.suppressed : t.noData);
  const onKey = (e: KeyboardEvent<HTMLTableRowElement>, id: number) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(id);
    }
  };

  return (
    <div className="table-wrap">
      <table className="area-table">
        <caption>
          {caption} <span className="muted small">— {t.rankHint}</span>
        </caption>
        <thead>
          <tr>
            {header('name', t.area)}
            {showParent && header('parent', t.parent)}
            {compare && <th scope="col" className="num">{compare.from}</th>}
            {compare && <th scope="col" className="num">{compare.to}</th>}
            {classLabels && <th scope="col">{t.classCol}</th>}
            {header('value', compare ? t.change : (valueLabel ?? t.value), true)}
            {header('rank', t.rank, true)}
            {onToggleCompare && (
              // short on screen (the table has up to seven columns beside the map), full for screen readers
              <th scope="col" className="no-print" title={c.compareCol}>
                <span aria-hidden="true">{c.compareColShort}</span>
                <span className="sr-only">{c.compareCol}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => {
            const s = shown.get(a.id);
            return (
              <tr
                key={a.id}
                tabIndex={0}
                aria-current={a.id === selectedId ? true : undefined}
                className={a.id === selectedId ? 'selected' : undefined}
                onClick={() => onSelect(a.id)}
                onKeyDown={(e) => onKey(e, a.id)}
                data-area-id={a.id}
              >
                <th scope="row">{a.name}</th>
                {showParent && <td>{a.parent?.name ?? ''}</td>}
                {classLabels && <td data-col="class">{classLabels.get(a.id) ?? t.noData}</td>}
                {compare && <td className="num">{formatValue(s?.from, meta.unit, locale)}</td>}
                {compare && <td className="num">{formatValue(s?.to, meta.unit, locale)}</td>}
                <td className="num">
                  {s?.value === null || s?.value === undefined ? (
                    <span className="muted">{statusText(s)}</span>
                  ) : compare ? (
                    formatChange(s.value, meta.unit, locale)
                  ) : (
                    formatValue(s.value, meta.unit, locale)
                  )}
                </td>
                <td className="num" data-col="rank">{ranks.get(a.id) ?? '–'}</td>
                {onToggleCompare && (
                  // its own control: a click or Space here chooses for the comparison, not the row
                  <td className="no-print compare-cell" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
                    <input
                      type="checkbox"
                      aria-label={c.compareSelect(a.name)}
                      checked={compared?.includes(a.id) ?? false}
                      disabled={compareFull && !compared?.includes(a.id)}
                      onChange={() => onToggleCompare(a.id)}
                    />
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
