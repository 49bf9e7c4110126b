import { screen, within } from '@testing-library/react';
import { renderIn } from '../../../test/render';
import { NEED_CLASSES } from '../../lib/categorical';
import { NO_DATA_COLOR } from '../../lib/colors';
import type { LayerMeta } from '../../lib/layer-values';
import { ClassLegend } from './ClassLegend';
import { Legend } from './Legend';
import { LayerLegend } from './LayerLegend';
import type { MapLayerState } from '../../app/use-map-layer';
import type { IndicatorDef } from '../../data/use-layer-values';

const sgb2: LayerMeta = {
  key: 'sgb2_rate',
  name: 'SGB-II-Quote',
  nameEn: 'SGB II rate',
  unit: 'PERCENT',
  polarity: 'HIGHER_IS_WORSE',
  description: '',
  attribution: 'Stadt Leipzig',
  synthetic: false,
};
const palette = ['#ffeda0', '#feb24c', '#f03b20'];

/** Each entry of the legend as its visible text (label and count), top to bottom. */
const entries = () =>
  within(screen.getByRole('region', { name: /Legende|Legend/ }))
    .getAllByRole('listitem')
    .map((li) => [...li.querySelectorAll('span')].map((s) => s.textContent).filter(Boolean).join(' '));

describe('Legend of an indicator', () => {
  it('shows the class breaks in German number format with the unit, the counts, no data and suppressed', () => {
    renderIn(
      <Legend meta={sgb2} classification={{ min: 1.2, upper: [5, 10.5, 20], max: 20 }} palette={palette} counts={[3, 4, 2]} noData={1} suppressed={2} title="SGB-II-Quote 2022" isChange={false} />,
    );
    expect(screen.getByText('SGB-II-Quote 2022')).toBeInTheDocument();
    expect(screen.getByText('(%)')).toBeInTheDocument();
    expect(entries()).toEqual([
      '1,2 – 5 (3)',
      'über 5 bis 10,5 (4)',
      'über 10,5 bis 20 (2)',
      'keine Daten (1)',
      'geheimgehalten (2)',
    ]);
    // each class has its colour; no data its own grey; suppressed is hatched
    const swatches = screen.getByRole('region').querySelectorAll('.swatch');
    expect(swatches[0]).toHaveStyle({ background: palette[0] });
    expect(swatches[2]).toHaveStyle({ background: palette[2] });
    expect(swatches[3]).toHaveStyle({ background: NO_DATA_COLOR });
    expect(swatches[4]).toHaveClass('hatched');
    expect(screen.getByText('dunkler = mehr Bedarf')).toBeInTheDocument();
  });

  it('shows signed changes in compare mode and English words in English', () => {
    renderIn(
      <Legend meta={{ ...sgb2, unit: 'COUNT', polarity: 'NEUTRAL' }} classification={{ min: -3500, upper: [-10, 2000], max: 2000 }} palette={palette.slice(0, 2)} counts={[5, 6]} noData={0} suppressed={0} title="Population 2015–2022" isChange />,
      'en',
    );
    expect(screen.getByText('(Change, count)')).toBeInTheDocument();
    expect(entries()).toEqual(['−3,500 – −10 (5)', 'over −10 up to +2,000 (6)', 'no data (0)', 'suppressed (confidential) (0)']);
    expect(screen.getByText('darker = higher value')).toBeInTheDocument();
  });

  it('names a change of a percentage in percentage points, and a unit like "€ je Monat" once in the title only', () => {
    const { unmount } = renderIn(
      <Legend meta={sgb2} classification={{ min: -2, upper: [0, 3], max: 3 }} palette={palette.slice(0, 2)} counts={[1, 1]} noData={0} suppressed={0} title="SGB-II-Quote 2015–2022" isChange />,
    );
    expect(screen.getByText('(Veränderung, Prozentpunkte)')).toBeInTheDocument();
    unmount();
    renderIn(
      <Legend meta={{ ...sgb2, unit: 'EUR_PER_MONTH' }} classification={{ min: 800, upper: [1000, 1500], max: 1500 }} palette={palette.slice(0, 2)} counts={[1, 1]} noData={0} suppressed={0} title="Einkommen 2022" isChange={false} />,
    );
    expect(screen.getByText('(€ je Monat)')).toBeInTheDocument();
    expect(entries().slice(0, 2)).toEqual(['800 – 1.000 (1)', 'über 1.000 bis 1.500 (1)']);
  });

  it('lists only no data and suppressed while there is nothing to classify', () => {
    renderIn(<Legend meta={sgb2} classification={null} palette={[]} counts={[]} noData={63} suppressed={0} title="SGB-II-Quote 2023" isChange={false} />);
    expect(entries()).toEqual(['keine Daten (63)', 'geheimgehalten (0)']);
  });
});

describe('Legend of a class layer (need index)', () => {
  const labels = ['geringer Bedarf', 'mittlerer Bedarf', 'hoher Bedarf', 'sehr hoher Bedarf (API)'];

  it('puts the most need on top, with counts, excluded areas and no data, and the method', () => {
    renderIn(
      <ClassLegend title="Bedarfsindex 2022" defs={NEED_CLASSES} labels={labels} counts={[20, 25, 10, 5]} excluded={2} noData={1} note="Klassen vom Server" method="z-Werte, gleich gewichtet" excludedEntry />,
    );
    expect(entries()).toEqual([
      'sehr hoher Bedarf (API) (5)',
      'hoher Bedarf (10)',
      'mittlerer Bedarf (25)',
      'geringer Bedarf (20)',
      'ausgeschlossen (2)',
      'keine Daten (1)',
    ]);
    const top = screen.getAllByRole('listitem')[0]!;
    expect(top).toHaveAttribute('data-class', 'VERY_LOW');
    expect(top.querySelector('.swatch')).toHaveStyle({ background: '#e31a1c' });
    expect(screen.getByText('Methode')).toBeInTheDocument();
    expect(screen.getByText('z-Werte, gleich gewichtet')).toBeInTheDocument();
  });

  it('has no excluded entry for layers that exclude nothing', () => {
    renderIn(<ClassLegend title="Lücken" defs={NEED_CLASSES} labels={labels} counts={[1, 1, 1, 1]} excluded={0} noData={0} note="" method={null} excludedEntry={false} />);
    expect(entries()).not.toContain('ausgeschlossen (0)');
    expect(screen.queryByText('Methode')).not.toBeInTheDocument();
  });
});

describe('Legend: what the indicator is', () => {
  it('the legend of an indicator carries its definition, unit, source and the period of the map', () => {
    const def: IndicatorDef = {
      __typename: 'Indicator', key: 'sgb2_rate', name: 'SGB-II-Quote', nameEn: 'SGB II rate', unit: 'PERCENT', topic: 'POVERTY', polarity: 'HIGHER_IS_WORSE', denominatorProxy: false,
      description: 'Anteil der Leistungsberechtigten nach SGB II an den Einwohnern unter 65 Jahren.',
      source: { __typename: 'Source', title: 'Ortsteilkatalog', publisher: 'Stadt Leipzig', attribution: 'Stadt Leipzig', licence: 'dl-de/by-2-0', synthetic: false },
    };
    const layer = {
      meta: sgb2, indicators: [def], years: [2010, 2011, 2012], loading: false, title: 'SGB-II-Quote', yearLabel: '2012',
      legend: { kind: 'numeric', classification: { min: 1, upper: [5, 10], max: 10 }, palette, counts: [1, 1], noData: 0, suppressed: 0, isChange: false },
    } as unknown as MapLayerState;
    renderIn(<LayerLegend layer={layer} />);
    const help = screen.getByTestId('legend-help');
    expect(within(help).getByText('Über den Indikator')).toBeInTheDocument();
    expect(help).toHaveTextContent('Anteil der Leistungsberechtigten nach SGB II an den Einwohnern unter 65 Jahren.');
    expect(help).toHaveTextContent('QuelleOrtsteilkatalog, Stadt Leipzig · dl-de/by-2-0');
    expect(help).toHaveTextContent('Zeitraum2010–2012 (3 Jahre)');
  });
});
