import { exportCsvUrl } from './export-url';

const parts = (url: string) => {
  const u = new URL(url, 'http://atlas.test');
  return { path: u.pathname, ...Object.fromEntries(u.searchParams) };
};

describe('exportCsvUrl: the map downloads what /export writes', () => {
  it('an indicator, one year or a comparison, standard or Excel', () => {
    expect(parts(exportCsvUrl({ kind: 'indicator', indicator: 'sgb2_rate' }, 'DISTRICT', 2020, null, false))).toEqual({ path: '/export/areas.csv', level: 'DISTRICT', indicators: 'sgb2_rate', years: '2020' });
    expect(parts(exportCsvUrl({ kind: 'indicator', indicator: 'sgb2_rate' }, 'BOROUGH', 2022, 2015, true))).toEqual({ path: '/export/areas.csv', level: 'BOROUGH', indicators: 'sgb2_rate', years: '2015,2022', variant: 'excel' });
  });

  it('the need index and the gaps with their classes', () => {
    expect(parts(exportCsvUrl({ kind: 'need' }, 'DISTRICT', 2022, null, true))).toEqual({ path: '/export/need-index.csv', level: 'DISTRICT', year: '2022', variant: 'excel' });
    expect(parts(exportCsvUrl({ kind: 'gap', category: 'youth_club' }, 'DISTRICT', 2022, null, false))).toEqual({ path: '/export/gaps.csv', level: 'DISTRICT', category: 'youth_club', year: '2022', needYear: '2022' });
  });
});
