// The GraphQL operations of the map. Geometry is loaded once per level; values per indicator for
// all years at once (a few thousand rows), so the year slider and compare mode need no request.
import { graphql } from '../generated';

export const AREAS_GEOMETRY = graphql(`
  query AreasGeometry($level: AreaLevel!, $city: String) {
    areas(filter: { level: $level, city: $city }, first: 500) {
      totalCount
      nodes {
        id
        code
        name
        areaKm2
        parent { id name }
        labelPoint(precision: 5)
        geometry(simplify: 15, precision: 5)
      }
    }
  }
`);

export const INDICATORS = graphql(`
  query Indicators {
    indicators {
      key
      name
      nameEn
      unit
      topic
      polarity
      denominatorProxy
      description
      source { title publisher attribution licence synthetic }
    }
  }
`);

export const INDICATOR_VALUES = graphql(`
  query IndicatorValues($key: String!, $level: AreaLevel!, $after: String, $city: String) {
    indicatorValues(filter: { indicatorKeys: [$key], level: $level, city: $city }, first: 500, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { year value status derived area { id } }
    }
  }
`);

/**
 * The cities of the hub for the switcher, with what cannot be computed there and why, the levels
 * they have (and lack), their orientation layers, and the source of their boundaries (attribution).
 */
export const CITIES = graphql(`
  query Cities {
    cities {
      key
      name
      isDefault
      districtStatistics
      unavailable { what reason message messageEn }
      levels { level count name nameEn }
      missingLevels { level message messageEn }
      placeLayers { collection amenities count source { key title publisher licence attribution } }
      area { id source { key title publisher licence attribution } }
    }
  }
`);
