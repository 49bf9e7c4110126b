import { graphql } from '../../../generated';

export const TRANSIT_STOPS = graphql(`
  query TransitStops($city: String) {
    transitStops(filter: { city: $city }) { id name mode lon lat }
  }
`);

export const SOCIAL_BUILDINGS = graphql(`
  query SocialBuildings($city: String) {
    socialBuildings(filter: { city: $city }) { id name amenity operator lon lat }
  }
`);
