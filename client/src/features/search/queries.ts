import { graphql } from '../../generated';

/** The point of a typed address (offline geocoder on the OSM address table). */
export const SEARCH_ADDRESS = graphql(`
  query SearchAddress($address: String!, $city: String) {
    geocode(address: $address, city: $city) {
      match lon lat distanceMeters
      address { street houseNumber postalCode }
      area { id name }
    }
  }
`);
