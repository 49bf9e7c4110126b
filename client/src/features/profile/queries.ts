import { gql } from 'urql';

/** Key figures of the profile (Steckbrief): chosen for social planning, in this order. */
export const KEY_INDICATORS = ['population', 'sgb2_rate', 'sgb2_child_share', 'unemployment_rate', 'household_income_median', 'mean_age', 'old_age_ratio', 'migrant_share'];

const seriesFields = KEY_INDICATORS.map((k) => `${k}: series(indicator: "${k}") { year value status }`).join('\n');

export const PROFILE = gql`
  query Profile($id: Int!) {
    area(id: $id) { id name code areaKm2 level parent { name } ${seriesFields} }
    city: areas(filter: { level: CITY }, first: 1) { nodes { id name ${seriesFields} } }
  }
`;

/** Ranks need every area's value for each key figure in its latest year: one aliased query. */
export function ranksQuery(latest: Record<string, number>): string {
  const fields = Object.entries(latest).map(([k, y]) => `${k}: value(indicator: "${k}", year: ${y}) { value }`).join('\n');
  return `query ProfileRanks($level: AreaLevel!) { areas(filter: { level: $level }, first: 100) { nodes { id ${fields} } } }`;
}

export const PROFILE_SERVICES = gql`
  query ProfileServices($id: Int!) {
    area(id: $id) { id serviceStats { category { key name nameEn } services capacity capacityUnit } }
    services(filter: { areaId: $id }, first: 200) {
      nodes { id name status capacity capacityUnit category { key name nameEn } provider { name kind } source { synthetic } locations { point } }
    }
  }
`;

export const PROFILE_FUNDING = gql`
  query ProfileFunding($id: Int!, $level: AreaLevel!) {
    fundingTotals(level: $level, areaIds: [$id], fromYear: 2015, toYear: 2030) { year nominal real perResident baseYear }
  }
`;

export const PROFILE_MEASURES = gql`
  query ProfileMeasures($id: Int!) {
    area(id: $id) { id measures { id code title status horizon responsibleOffice } }
  }
`;
