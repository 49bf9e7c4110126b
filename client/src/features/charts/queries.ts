import { graphql } from '../../generated';

/** One indicator's series for an area, its Stadtbezirk and the city. */
export const AREA_TREND = graphql(`
  query AreaTrend($id: Int!, $key: String!, $city: String) {
    area(id: $id) {
      id
      name
      level
      series(indicator: $key) { year value status missingReason }
      parent { id name series(indicator: $key) { year value status missingReason } }
    }
    city: areas(filter: { level: CITY, city: $city }, first: 1) { nodes { id name series(indicator: $key) { year value status missingReason } } }
  }
`);

/** One indicator's series for the whole city. */
export const CITY_TREND = graphql(`
  query CityTrend($key: String!, $city: String) {
    city: areas(filter: { level: CITY, city: $city }, first: 1) { nodes { id name series(indicator: $key) { year value status missingReason } } }
  }
`);
