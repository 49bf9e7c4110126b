import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n';
import { CLASS_METHODS, invalidBreaks, parseManualBreaks } from '../../lib/classify';
import type { Level, ViewState } from '../../lib/url-state';
import type { IndicatorDef } from '../../data/use-layer-values';
import type { CategoryWithNorm } from '../../data/analysis';
import { formatNumber, localName } from '../../lib/format';
import { IndicatorPicker } from './IndicatorHelp';
import { LevelMissingNotice } from '../city/CitySwitcher';

interface Props {
  view: ViewState;
  indicators: IndicatorDef[];
  years: number[];
  year: number | null;
  categories: CategoryWithNorm[] | null;
  onChange: (patch: Partial<ViewState>) => void;
  /** the levels the city shown has (both by default) */
  levels?: Level[];
  /** why the level in the address is not shown (the API's sentence), if it is not */
  levelMissing?: string | null;
  /** the city's names of the levels (Chemnitz: Stadtteile); absent: the generic ones */
  levelNames?: Partial<Record<Level, string>>;
}

export function Controls({ view, indicators, years, year, categories, onChange, levels = ['DISTRICT', 'BOROUGH'], levelMissing = null, levelNames = {} }: Props) {
  const { t, locale } = useI18n();
  const [manualText, setManualText] = useState(view.breaks.map((b) => formatNumber(b, locale, 6)).join('; '));
  useEffect(() => setManualText(view.breaks.map((b) => formatNumber(b, locale, 6)).join('; ')), [view.breaks, locale]);
  const yearIndex = year !== null ? years.indexOf(year) : -1;
  // what the planner typed that is not a number: said, not silently replaced by quantiles
  const [badBreaks, setBadBreaks] = useState<string[]>([]);
  const applyBreaks = () => {
    setBadBreaks(invalidBreaks(manualText, locale));
    onChange({ breaks: parseManualBreaks(manualText, locale) });
  };

  return (
    <form className="controls" onSubmit={(e) => e.preventDefault()} aria-label={t.layer}>
      <fieldset className="layer-choice">
        <legend>{t.layer}</legend>
        {(['indicator', 'need', 'gap'] as const).map((l) => (
          <label key={l} className="inline">
            <input type="radio" name="layer" value={l} checked={view.layer === l} onChange={() => onChange({ layer: l, year: null, compareYear: null })} />{' '}
            {l === 'indicator' ? t.layerIndicator : l === 'need' ? t.layerNeed : t.layerGap}
          </label>
        ))}
        <LevelMissingNotice text={levelMissing} />
      </fieldset>
      {view.layer === 'gap' && (
        <>
          <label htmlFor="gap-category">{t.gapCategory}</label>
          <select id="gap-category" value={view.gapCategory} onChange={(e) => onChange({ gapCategory: e.target.value })}>
            {(categories ?? []).filter((c) => c.norm).map((c) => (
              <option key={c.key} value={c.key}>{localName(c, locale)}</option>
            ))}
          </select>
        </>
      )}
      {view.layer !== 'indicator' && <p className="muted small">{t.needYearNote}</p>}
      {view.layer === 'indicator' && <IndicatorPicker indicators={indicators} value={view.indicator} years={years} onChange={(indicator) => onChange({ indicator })} />}

      <label htmlFor="year">
        {t.year}: <output htmlFor="year" id="year-output">{year ?? '–'}</output>
      </label>
      <input
        id="year"
        type="range"
        min={0}
        max={Math.max(0, years.length - 1)}
        step={1}
        value={Math.max(0, yearIndex)}
        disabled={years.length < 2}
        aria-valuetext={year !== null ? String(year) : undefined}
        onChange={(e) => onChange({ year: years[Number(e.target.value)] })}
      />
      <div className="range-ends muted small" aria-hidden="true">
        <span>{years[0]}</span>
        <span>{years[years.length - 1]}</span>
      </div>

      {view.layer === 'indicator' && (<>
      <label htmlFor="compare">{t.compare}</label>
      <select id="compare" value={view.compareYear ?? ''} onChange={(e) => onChange({ compareYear: e.target.value ? Number(e.target.value) : null })}>
        <option value="">{t.compareOff}</option>
        {years.filter((y) => y !== year).map((y) => (
          <option key={y} value={y}>{y}</option>
        ))}
      </select>
      </>)}

      <fieldset>
        <legend>{t.level}</legend>
        {levels.map((l) => (
          <label key={l} className="inline">
            <input type="radio" name="level" value={l} checked={view.level === l} onChange={() => onChange({ level: l, area: null, compareAreas: [], compareOpen: false })} /> {levelNames[l] ?? t[l]}
          </label>
        ))}
      </fieldset>

      {view.layer === 'indicator' && (<>
      <label htmlFor="method">{t.classification}</label>
      <select id="method" value={view.method} onChange={(e) => onChange({ method: e.target.value as ViewState['method'] })}>
        {CLASS_METHODS.map((m) => (
          <option key={m} value={m}>{t[m]}</option>
        ))}
      </select>
      {view.method !== 'manual' ? (
        <>
          <label htmlFor="classes">{t.classes}</label>
          <select id="classes" value={view.classes} onChange={(e) => onChange({ classes: Number(e.target.value) })}>
            {[3, 4, 5, 6, 7].map((k) => (
              <option key={k} value={k}>{k}</option>
            ))}
          </select>
        </>
      ) : (
        <>
          <label htmlFor="breaks">{t.manualBreaks}</label>
          <input
            id="breaks"
            type="text"
            inputMode="decimal"
            value={manualText}
            aria-invalid={badBreaks.length > 0 || undefined}
            aria-describedby={badBreaks.length ? 'breaks-error' : undefined}
            onChange={(e) => setManualText(e.target.value)}
            onBlur={applyBreaks}
            onKeyDown={(e) => e.key === 'Enter' && applyBreaks()}
          />
          {badBreaks.length > 0 && (
            <p id="breaks-error" className="error small" role="alert">
              {t.badBreaks(badBreaks.join(', '), parseManualBreaks(manualText, locale).length > 0)}
            </p>
          )}
        </>
      )}
      </>)}
    </form>
  );
}
