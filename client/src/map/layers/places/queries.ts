import { graphql } from '../../../generated';

export const TRANSIT_STOPS = graphql(`
  query TransitStops {
    transitStops { id name mode lon lat }
  }
`);

export const SOCIAL_BUILDINGS = graphql(`
  query SocialBuildings {
    socialBuildings { id name amenity operator lon lat }
  }
`);
