import { useI18n } from '../../app/i18n';
import { NO_DATA_COLOR } from '../../lib/colors';
import type { ClassDef } from '../../lib/categorical';

interface Props {
  title: string;
  defs: ClassDef[];
  labels: string[];
  counts: number[];
  excluded: number;
  noData: number;
  note: string;
  method: string | null;
  /** the need index excludes areas (too few residents, suppressed values): own entry */
  excludedEntry: boolean;
}

/** Legend of a class layer (need index, gaps): most need on top, as planners read it. */
export function ClassLegend({ title, defs, labels, counts, excluded, noData, note, method, excludedEntry }: Props) {
  const { t } = useI18n();
  const order = defs.map((d, i) => ({ d, i })).reverse();
  return (
    <section className="legend" aria-labelledby="legend-title" data-legend="classes">
      <h2 id="legend-title">{t.legend}</h2>
      <p className="legend-title">{title}</p>
      <ul>
        {order.map(({ d, i }) => (
          <li key={d.key} data-class={d.key}>
            <span className="swatch" style={{ background: d.color }} aria-hidden="true" />
            <span>{labels[i]}</span>
            <span className="muted count">({counts[i] ?? 0})</span>
          </li>
        ))}
        {excludedEntry && (
          <li data-class="EXCLUDED">
            <span className="swatch hatched" aria-hidden="true" />
            <span>{t.excluded}</span>
            <span className="muted count">({excluded})</span>
          </li>
        )}
        <li data-class="NO_DATA">
          <span className="swatch" style={{ background: NO_DATA_COLOR }} aria-hidden="true" />
          <span>{t.noData}</span>
          <span className="muted count">({noData})</span>
        </li>
      </ul>
      <p className="muted small">{note}</p>
      {method && (
        <details className="small">
          <summary>{t.methodNote}</summary>
          <p>{method}</p>
        </details>
      )}
    </section>
  );
}
