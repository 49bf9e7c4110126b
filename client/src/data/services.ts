import { graphql } from '../generated';

export const SERVICE_CATEGORIES = graphql(`
  query ServiceCategories {
    serviceCategories { key name nameEn }
  }
`);

export const SERVICES_FOR_MAP = graphql(`
  query ServicesForMap($categories: [String!], $statuses: [ServiceStatus!], $targetGroups: [TargetGroup!], $providerIds: [Int!], $after: String, $city: String) {
    services(filter: { categoryKeys: $categories, statuses: $statuses, targetGroups: $targetGroups, providerIds: $providerIds, city: $city }, first: 500, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes {
        id
        name
        status
        capacity
        capacityUnit
        category { key name nameEn }
        provider { name }
        source { synthetic attribution }
        locations { point }
      }
    }
  }
`);

/** Providers for the filter of the service points, by name. */
export const SERVICE_PROVIDERS = graphql(`
  query ServiceProviders {
    providers(first: 500) { nodes { id name } }
  }
`);

/** The service whose catchment is shown (its id lives in the address bar), with what its box tells. */
export const SERVICE_PICK = graphql(`
  query ServicePick($id: Int!) {
    service(id: $id) {
      id name capacity capacityUnit openingHours fee status
      category { key name nameEn }
      provider { id name }
      locations { point street houseNumber postalCode city area { name } }
    }
  }
`);
