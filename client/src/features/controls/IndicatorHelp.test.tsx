import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderIn } from '../../../test/render';
import type { IndicatorDef } from '../../data/use-layer-values';
import { IndicatorPicker, periodText, searchIndicators } from './IndicatorHelp';

const indicator = (key: string, name: string, topic: IndicatorDef['topic'], unit: IndicatorDef['unit'], description: string, nameEn: string | null = null): IndicatorDef => ({
  __typename: 'Indicator', key, name, nameEn, unit, topic, polarity: 'HIGHER_IS_WORSE', denominatorProxy: false, description,
  source: { __typename: 'Source', title: 'Ortsteilkatalog', publisher: 'Stadt Leipzig, Amt für Statistik und Wahlen', attribution: 'Datenquelle: Stadt Leipzig', licence: 'Datenlizenz Deutschland – Namensnennung 2.0', synthetic: false },
});
const indicators = [
  indicator('sgb2_rate', 'SGB-II-Quote', 'POVERTY', 'PERCENT', 'Anteil der Leistungsberechtigten nach SGB II an den Einwohnern unter 65 Jahren.', 'SGB II rate'),
  indicator('unemployment_rate', 'Arbeitslosenquote', 'LABOUR', 'PERCENT', 'Arbeitslose je 100 Einwohner im erwerbsfähigen Alter.', 'Unemployment rate'),
  indicator('population', 'Einwohner', 'DEMOGRAPHY', 'COUNT', 'Einwohner mit Hauptwohnsitz am 31.12.', 'Residents'),
  indicator('old_age_ratio', 'Altenquotient', 'DEMOGRAPHY', 'RATIO', 'Einwohner ab 65 je 100 Einwohner von 15 bis 64 Jahren.', 'Old-age ratio'),
];
const years = [2000, 2001, 2002, 2005, 2006];

function renderPicker(value = 'sgb2_rate', locale: 'de' | 'en' = 'de') {
  const onChange = jest.fn();
  renderIn(<IndicatorPicker indicators={indicators} value={value} years={years} onChange={onChange} />, locale);
  return onChange;
}

describe('indicator help and search', () => {
  it('finds indicators by name, English name, topic or a word of the definition, ignoring case and accents', () => {
    const keys = (q: string) => searchIndicators(indicators, q).map((i) => i.key);
    expect(keys('quote')).toEqual(['sgb2_rate', 'unemployment_rate']);
    expect(keys('demografie')).toEqual(['population', 'old_age_ratio']);
    expect(keys('residents')).toEqual(['population']);
    expect(keys('hauptwohnsitz')).toEqual(['population']);
    expect(keys('ARBEITSLOSE erwerbsfahigen')).toEqual(['unemployment_rate']);
    expect(keys('')).toHaveLength(4);
  });

  it('the search narrows the grouped list, keeps the chosen indicator in it, and Enter takes the first match', async () => {
    const user = userEvent.setup();
    const onChange = renderPicker();
    const select = screen.getByRole('combobox', { name: 'Indikator' });
    expect(within(select).getAllByRole('option')).toHaveLength(4);
    await user.type(screen.getByRole('searchbox', { name: 'Indikator suchen' }), 'quotient');
    expect(screen.getByTestId('indicator-found')).toHaveTextContent('1 von 4 Indikatoren');
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['SGB-II-Quote', 'Altenquotient']);
    expect(within(select).getAllByRole('group').map((g) => g.getAttribute('label'))).toEqual(['Armut / Transferbezug', 'Demografie']);
    await user.keyboard('{Enter}');
    expect(onChange).toHaveBeenCalledWith('old_age_ratio');
  });

  it('says when nothing matches', async () => {
    const user = userEvent.setup();
    renderPicker();
    await user.type(screen.getByRole('searchbox'), 'xyz');
    expect(screen.getByTestId('indicator-found')).toHaveTextContent('Kein Indikator passt. Die Liste zeigt nur den gewählten.');
  });

  it('beside the picker: definition, unit, topic, source and period of the chosen indicator', async () => {
    const user = userEvent.setup();
    renderPicker();
    await user.click(screen.getByText('Definition, Einheit, Quelle, Zeitraum'));
    const facts = screen.getByTestId('indicator-facts');
    expect(facts).toHaveTextContent('Anteil der Leistungsberechtigten nach SGB II an den Einwohnern unter 65 Jahren.');
    expect(facts).toHaveTextContent('EinheitProzent (%); Veränderungen in Prozentpunkten');
    expect(facts).toHaveTextContent('ThemaArmut / Transferbezug');
    expect(facts).toHaveTextContent('QuelleOrtsteilkatalog, Stadt Leipzig, Amt für Statistik und Wahlen · Datenlizenz Deutschland – Namensnennung 2.0');
    expect(screen.getByTestId('indicator-period')).toHaveTextContent('2000–2002, 2005–2006 (5 Jahre)');
  });

  it('in English: labels, unit and topic in English, the German definition marked as German', async () => {
    const user = userEvent.setup();
    renderPicker('population', 'en');
    expect(screen.getByRole('searchbox', { name: 'Find an indicator' })).toBeInTheDocument();
    await user.click(screen.getByText('Definition, unit, source, period'));
    const facts = screen.getByTestId('indicator-facts');
    expect(facts).toHaveTextContent('Unitcount (persons, households …)');
    expect(facts).toHaveTextContent('TopicDemography');
    expect(screen.getByText('Einwohner mit Hauptwohnsitz am 31.12.')).toHaveAttribute('lang', 'de');
    expect(periodText([2020], 'en')).toBe('2020 (1 year)');
  });
});
