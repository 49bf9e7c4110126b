import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderIn } from '../../../test/render';
import type { CategoryWithNorm } from '../../data/analysis';
import type { IndicatorDef } from '../../data/use-layer-values';
import { DEFAULT_VIEW, type ViewState } from '../../lib/url-state';
import { Controls } from './Controls';
import { cityLevels, levelFor, levelName, levelNames, missingLevelText } from '../city/CitySwitcher';
import { CHEMNITZ, LEIPZIG } from '../../../test/cities';

const indicator = (key: string, name: string, topic: IndicatorDef['topic'], nameEn: string | null = null): IndicatorDef => ({
  __typename: 'Indicator',
  key,
  name,
  nameEn,
  unit: 'PERCENT',
  topic,
  polarity: 'HIGHER_IS_WORSE',
  description: '',
  source: { __typename: 'Source', title: '', attribution: '', licence: '', synthetic: false },
});
const indicators = [
  indicator('sgb2_rate', 'SGB-II-Quote', 'POVERTY', 'SGB II rate'),
  indicator('unemployment_rate', 'Arbeitslosenquote', 'LABOUR', 'Unemployment rate'),
  indicator('population', 'Einwohner', 'DEMOGRAPHY', 'Residents'),
];
const categories: CategoryWithNorm[] = [
  { __typename: 'ServiceCategory', key: 'youth_club', name: 'Jugendtreff', nameEn: 'Youth club', norm: { __typename: 'CoverageNorm', zoneRadiiM: [500], zoneWeights: [1], capacityPer1000: 10 } },
  { __typename: 'ServiceCategory', key: 'counselling', name: 'Beratungsstelle', nameEn: 'Counselling', norm: null },
];
const years = [2020, 2021, 2022];

function renderControls(view: Partial<ViewState> = {}, locale: 'de' | 'en' = 'de') {
  const onChange = jest.fn();
  renderIn(<Controls view={{ ...DEFAULT_VIEW, ...view }} indicators={indicators} years={years} year={2022} categories={categories} onChange={onChange} />, locale);
  return onChange;
}

describe('Controls', () => {
  it('offers the indicators grouped by topic (alphabetically) and reports the chosen one, keeping year, comparison and area', async () => {
    const user = userEvent.setup();
    const onChange = renderControls({ area: '07' });
    const select = screen.getByRole('combobox', { name: 'Indikator' });
    expect(within(select).getAllByRole('group').map((g) => g.getAttribute('label'))).toEqual(['Arbeit', 'Armut / Transferbezug', 'Demografie']);
    expect(select).toHaveValue('sgb2_rate');
    await user.selectOptions(select, 'Arbeitslosenquote');
    expect(onChange).toHaveBeenCalledTimes(1);
    // the map keeps the chosen year when the new indicator has it (it falls back to the latest otherwise)
    expect(onChange).toHaveBeenCalledWith({ indicator: 'unemployment_rate' });
  });

  it('names the indicators in English when the map is in English', () => {
    renderControls({}, 'en');
    expect(screen.getByRole('option', { name: 'Unemployment rate' })).toBeInTheDocument();
  });

  it('moves the year slider to the year at that position, and tells the year to screen readers', () => {
    const onChange = renderControls();
    const slider = screen.getByRole('slider', { name: /Jahr/ });
    expect(slider).toHaveAttribute('aria-valuetext', '2022');
    expect(screen.getByText('2022', { selector: 'output' })).toBeInTheDocument();
    fireEvent.change(slider, { target: { value: '0' } });
    expect(onChange).toHaveBeenCalledWith({ year: 2020 });
  });

  it('compares with another year, and switches it off again', async () => {
    const user = userEvent.setup();
    const onChange = renderControls({ compareYear: 2020 });
    const compare = screen.getByLabelText('Vergleich mit Jahr');
    expect(within(compare).getAllByRole('option').map((o) => o.textContent)).toEqual(['kein Vergleich', '2020', '2021']);
    await user.selectOptions(compare, '2021');
    expect(onChange).toHaveBeenLastCalledWith({ compareYear: 2021 });
    await user.selectOptions(compare, 'kein Vergleich');
    expect(onChange).toHaveBeenLastCalledWith({ compareYear: null });
  });

  it('changes the area level and clears the selection and the comparison (their keys belong to the other level)', async () => {
    const user = userEvent.setup();
    const onChange = renderControls({ area: '07', compareAreas: ['07', '10'], compareOpen: true });
    await user.click(screen.getByRole('radio', { name: 'Stadtbezirke' }));
    expect(onChange).toHaveBeenCalledWith({ level: 'BOROUGH', area: null, compareAreas: [], compareOpen: false });
  });

  it('takes manual class breaks in German notation when the field is left', async () => {
    const user = userEvent.setup();
    const onChange = renderControls({ method: 'manual' });
    const field = screen.getByLabelText('Klassengrenzen (mit ; getrennt)');
    await user.clear(field);
    await user.type(field, '10,5; 5; 1.000');
    expect(onChange).not.toHaveBeenCalled();
    await user.tab();
    expect(onChange).toHaveBeenCalledWith({ breaks: [5, 10.5, 1000] });
  });

  it('says which manual class breaks are not numbers instead of silently using quantiles', async () => {
    const user = userEvent.setup();
    const onChange = renderControls({ method: 'manual' });
    const field = screen.getByLabelText('Klassengrenzen (mit ; getrennt)');
    await user.clear(field);
    await user.type(field, 'abc');
    await user.tab();
    expect(onChange).toHaveBeenCalledWith({ breaks: [] });
    expect(screen.getByRole('alert')).toHaveTextContent('Keine Zahl: abc. Die Karte zeigt bis dahin Quantile.');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    await user.clear(field);
    await user.type(field, '5; 10');
    await user.tab();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('for the gap layer offers only categories with a planning norm, and no indicator', async () => {
    const user = userEvent.setup();
    const onChange = renderControls({ layer: 'gap' });
    expect(screen.queryByRole('combobox', { name: 'Indikator' })).not.toBeInTheDocument();
    const category = screen.getByLabelText('Angebotsart der Versorgungslücke');
    expect(within(category).getAllByRole('option').map((o) => o.textContent)).toEqual(['Jugendtreff']);
    await user.click(screen.getByRole('radio', { name: 'Bedarfsindex' }));
    expect(onChange).toHaveBeenCalledWith({ layer: 'need', year: null, compareYear: null });
  });

  it('offers only the levels the city has; a level it lacks falls back, with the API’s reason', () => {
    const asked = levelFor(CHEMNITZ, 'BOROUGH');
    expect(asked.level).toBe('DISTRICT');
    renderIn(
      <Controls view={{ ...DEFAULT_VIEW, level: asked.level }} indicators={indicators} years={years} year={2022} categories={categories} onChange={jest.fn()}
        levels={cityLevels(CHEMNITZ)} levelMissing={asked.missing?.message} />,
    );
    const level = screen.getByRole('group', { name: 'Gebietsebene' });
    expect(within(level).getAllByRole('radio').map((r) => (r as HTMLInputElement).value)).toEqual(['DISTRICT']);
    expect(within(level).getByRole('radio', { name: 'Ortsteile' })).toBeChecked();
    expect(screen.getByTestId('level-missing')).toHaveTextContent('Für Chemnitz liegen keine Stadtbezirke vor: diese Ebene bleibt leer.');
  });

  it('each city’s own name of its level: Chemnitz Stadtteile, Leipzig Ortsteile, in German and English', () => {
    const generic = { DISTRICT: 'Ortsteile', BOROUGH: 'Stadtbezirke' } as const;
    const { unmount } = renderIn(
      <Controls view={{ ...DEFAULT_VIEW, level: 'DISTRICT' }} indicators={indicators} years={years} year={2022} categories={categories} onChange={jest.fn()}
        levels={cityLevels(CHEMNITZ)} levelNames={levelNames(CHEMNITZ, 'de', generic)} levelMissing={missingLevelText(levelFor(CHEMNITZ, 'BOROUGH').missing, 'de')} />,
    );
    const level = screen.getByRole('group', { name: 'Gebietsebene' });
    expect(within(level).getByRole('radio', { name: 'Stadtteile' })).toBeChecked();
    expect(within(level).queryByRole('radio', { name: 'Ortsteile' })).toBeNull();
    unmount();
    renderIn(
      <Controls view={{ ...DEFAULT_VIEW, level: 'DISTRICT' }} indicators={indicators} years={years} year={2022} categories={categories} onChange={jest.fn()}
        levels={cityLevels(CHEMNITZ)} levelNames={levelNames(CHEMNITZ, 'en', { DISTRICT: 'Districts (Ortsteile)', BOROUGH: 'Boroughs (Stadtbezirke)' })} />,
      'en',
    );
    expect(within(screen.getByRole('group', { name: 'Area level' })).getByRole('radio', { name: 'Districts (Stadtteile)' })).toBeChecked();
    expect(levelNames(LEIPZIG, 'de', generic)).toEqual({ DISTRICT: 'Ortsteile', BOROUGH: 'Stadtbezirke' });
    // while the cities load, and for a level the city lacks: the generic name
    expect(levelName(null, 'DISTRICT', 'de', 'Ortsteile')).toBe('Ortsteile');
    expect(levelName(CHEMNITZ, 'BOROUGH', 'de', 'Stadtbezirke')).toBe('Stadtbezirke');
  });

  it('Leipzig keeps both levels, and the level asked for', () => {
    expect(cityLevels(LEIPZIG)).toEqual(['DISTRICT', 'BOROUGH']);
    expect(levelFor(LEIPZIG, 'BOROUGH')).toEqual({ level: 'BOROUGH', missing: null });
    // while the cities load nothing is taken away
    expect(levelFor(null, 'BOROUGH')).toEqual({ level: 'BOROUGH', missing: null });
  });
});
