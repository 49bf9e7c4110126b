import { graphql } from '../../generated';

/** Funding of one year with its service, for choosing what a scenario cuts or raises. */
export const SCENARIO_FUNDINGS = graphql(`
  query ScenarioFundings($year: Int!, $after: String, $city: String) {
    fundings(filter: { fromYear: $year, toYear: $year, city: $city }, first: 500, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes { id amount year service { id name category { key } } }
    }
  }
`);

