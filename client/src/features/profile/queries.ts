import { graphql } from '../../generated';
import type { ProfileRanksQueryVariables } from '../../generated/graphql';

// Documents are static (no interpolation) so that they are typed and can be trusted documents
// (docs/security.md): the key figures are spelled out as aliases, in the order of KEY_INDICATORS.

/** Key figures of the profile (Steckbrief): chosen for social planning, in this order. */
export const KEY_INDICATORS = ['population', 'sgb2_rate', 'sgb2_child_share', 'unemployment_rate', 'household_income_median', 'mean_age', 'old_age_ratio', 'migrant_share'] as const;
export type KeyIndicator = (typeof KEY_INDICATORS)[number];

/** The key figures' time series of one area, for the area and for the city beside it. */
export const PROFILE_SERIES = graphql(`
  fragment ProfileSeries on Area {
      population: series(indicator: "population") { year value status missingReason }
      sgb2_rate: series(indicator: "sgb2_rate") { year value status missingReason }
      sgb2_child_share: series(indicator: "sgb2_child_share") { year value status missingReason }
      unemployment_rate: series(indicator: "unemployment_rate") { year value status missingReason }
      household_income_median: series(indicator: "household_income_median") { year value status missingReason }
      mean_age: series(indicator: "mean_age") { year value status missingReason }
      old_age_ratio: series(indicator: "old_age_ratio") { year value status missingReason }
      migrant_share: series(indicator: "migrant_share") { year value status missingReason }
  }
`);

export const PROFILE = graphql(`
  query Profile($id: Int!, $city: String) {
    area(id: $id) { id name code areaKm2 level parent { name } ...ProfileSeries }
    city: areas(filter: { level: CITY, city: $city }, first: 1) { nodes { id name ...ProfileSeries } }
  }
`);

/** Ranks need every area's value of each key figure in the area's latest year with a value. */
export const PROFILE_RANKS = graphql(`
  query ProfileRanks($level: AreaLevel!, $populationYear: Int!, $sgb2RateYear: Int!, $sgb2ChildShareYear: Int!, $unemploymentRateYear: Int!, $householdIncomeMedianYear: Int!, $meanAgeYear: Int!, $oldAgeRatioYear: Int!, $migrantShareYear: Int!, $city: String) {
    areas(filter: { level: $level, city: $city }, first: 100) {
      nodes {
        id
        population: value(indicator: "population", year: $populationYear) { value }
        sgb2_rate: value(indicator: "sgb2_rate", year: $sgb2RateYear) { value }
        sgb2_child_share: value(indicator: "sgb2_child_share", year: $sgb2ChildShareYear) { value }
        unemployment_rate: value(indicator: "unemployment_rate", year: $unemploymentRateYear) { value }
        household_income_median: value(indicator: "household_income_median", year: $householdIncomeMedianYear) { value }
        mean_age: value(indicator: "mean_age", year: $meanAgeYear) { value }
        old_age_ratio: value(indicator: "old_age_ratio", year: $oldAgeRatioYear) { value }
        migrant_share: value(indicator: "migrant_share", year: $migrantShareYear) { value }
      }
    }
  }
`);

/** The variable of PROFILE_RANKS that carries the year of each key figure. */
export const RANK_YEAR_VARIABLE: Record<KeyIndicator, Exclude<keyof ProfileRanksQueryVariables, 'level' | 'city'>> = {
  population: 'populationYear',
  sgb2_rate: 'sgb2RateYear',
  sgb2_child_share: 'sgb2ChildShareYear',
  unemployment_rate: 'unemploymentRateYear',
  household_income_median: 'householdIncomeMedianYear',
  mean_age: 'meanAgeYear',
  old_age_ratio: 'oldAgeRatioYear',
  migrant_share: 'migrantShareYear',
};

export const PROFILE_SERVICES = graphql(`
  query ProfileServices($id: Int!) {
    area(id: $id) { id serviceStats { category { key name nameEn } services capacity capacityUnit } }
    services(filter: { areaId: $id }, first: 200) {
      nodes { id name status capacity capacityUnit category { key name nameEn } provider { name kind } source { synthetic } locations { point } }
    }
  }
`);

export const PROFILE_FUNDING = graphql(`
  query ProfileFunding($id: Int!, $level: AreaLevel!, $city: String) {
    fundingTotals(level: $level, areaIds: [$id], fromYear: 2015, toYear: 2030, city: $city) { year nominal real perResident baseYear }
  }
`);

export const PROFILE_MEASURES = graphql(`
  query ProfileMeasures($id: Int!) {
    area(id: $id) { id measures { id code title status horizon responsibleOffice } }
  }
`);
