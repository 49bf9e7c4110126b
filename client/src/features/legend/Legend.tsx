import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n';
import type { Classification } from '../../lib/classify';
import { NO_DATA_COLOR } from '../../lib/colors';
import { changeUnitLabel, formatBare, formatChange, unitLabel } from '../../lib/format';
import type { LayerMeta } from '../../lib/layer-values';

interface Props {
  meta: LayerMeta;
  classification: Classification | null;
  palette: string[];
  counts: number[];
  noData: number;
  suppressed: number;
  title: string;
  isChange: boolean;
  /** what the indicator is (definition, unit, source, period) */
  help?: ReactNode;
}

export function Legend({ meta, classification, palette, counts, noData, suppressed, title, isChange, help }: Props) {
  const { t, locale } = useI18n();
  // the unit stands once, in the title, not in every class
  const fmt = (v: number) => (isChange ? formatChange(v, meta.unit, locale) : formatBare(v, meta.unit, locale));
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{t.legend}</h2>
      <p className="legend-title">
        {title} <span className="muted">({isChange ? `${t.change}, ${changeUnitLabel(meta.unit, locale)}` : unitLabel(meta.unit, locale)})</span>
      </p>
      <ul>
        {classification?.upper.map((upper, i) => {
          const lower = i === 0 ? classification.min : classification.upper[i - 1];
          const text = i === 0 ? `${fmt(lower)} – ${fmt(upper)}` : `${t.over} ${fmt(lower)} ${t.upTo} ${fmt(upper)}`;
          return (
            <li key={i}>
              <span className="swatch" style={{ background: palette[i] }} aria-hidden="true" />
              <span>{text}</span>
              <span className="muted count">({counts[i] ?? 0})</span>
            </li>
          );
        })}
        <li>
          <span className="swatch" style={{ background: NO_DATA_COLOR }} aria-hidden="true" />
          <span>{t.noData}</span>
          <span className="muted count">({noData})</span>
        </li>
        <li>
          <span className="swatch hatched" aria-hidden="true" />
          <span>{t.suppressed}</span>
          <span className="muted count">({suppressed})</span>
        </li>
      </ul>
      <p className="muted small">{meta.polarity === 'NEUTRAL' ? t.darkerMore : t.darkerWorse}</p>
      {help}
    </section>
  );
}
