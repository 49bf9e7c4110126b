import { screen } from '@testing-library/react';
import { mockClient, renderWithClient } from '../../../test/render';
import type { IndicatorDef } from '../../data/use-layer-values';
import { AreaTrend } from './AreaTrend';

const sgb2 = {
  __typename: 'Indicator', key: 'sgb2_rate', name: 'SGB-II-Quote', nameEn: null, unit: 'PERCENT', topic: 'POVERTY', polarity: 'HIGHER_IS_WORSE', denominatorProxy: false, description: '',
  source: { __typename: 'Source', title: '', publisher: '', attribution: '', licence: '', synthetic: false },
} as IndicatorDef;
const s = (values: number[]) => values.map((value, i) => ({ year: 2020 + i, value, status: 'REGULAR', missingReason: null }));

describe('AreaTrend', () => {
  it('a Stadtbezirk is drawn against the city once, not against its parent (the city) labelled as a Stadtbezirk', () => {
    const { client } = mockClient({
      AreaTrend: { data: { area: { id: 5, name: 'West', level: 'BOROUGH', series: s([20, 21]), parent: { id: 1, name: 'Leipzig', series: s([12, 11]) } }, city: { nodes: [{ id: 1, name: 'Leipzig', series: s([12, 11]) }] } } },
    });
    renderWithClient(<AreaTrend areaId={5} indicators={[sgb2]} indicator="sgb2_rate" onIndicator={jest.fn()} />, client);
    expect(screen.getByRole('img')).toHaveAccessibleName('SGB-II-Quote, 2020–2021: West, Stadt Leipzig');
  });
});
