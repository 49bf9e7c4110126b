import { graphql } from '../../generated';

/** The compared areas (by official key) and the city, with the profile's key-figure series. */
export const COMPARE_AREAS = graphql(`
  query CompareAreas($codes: [String!]!, $level: AreaLevel!, $city: String) {
    areas(filter: { codes: $codes, level: $level, city: $city }, first: 4) { nodes { id code name parent { id name } ...ProfileSeries } }
    city: areas(filter: { level: CITY, city: $city }, first: 1) { nodes { id name ...ProfileSeries } }
  }
`);
