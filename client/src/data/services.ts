import { graphql } from '../generated';

export const SERVICE_CATEGORIES = graphql(`
  query ServiceCategories {
    serviceCategories { key name nameEn }
  }
`);

export const SERVICES_FOR_MAP = graphql(`
  query ServicesForMap($categories: [String!], $statuses: [ServiceStatus!], $after: String) {
    services(filter: { categoryKeys: $categories, statuses: $statuses }, first: 500, after: $after) {
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
