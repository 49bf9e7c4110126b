import { graphql } from '../../generated';

export const BUDGET_YEARS = graphql(`
  query BudgetYears($city: String) {
    budgetYears(city: $city)
  }
`);

export const BUDGET = graphql(`
  query Budget($year: Int!, $inflation: Float, $city: String) {
    budget(year: $year, assumedInflationPercent: $inflation, city: $city) {
      year
      planned
      real
      baseYear
      priceIndex
      priceIndexAssumed
      perResident
      method
      residents { value year }
      city { name }
      sources { title attribution }
      products {
        code
        name
        block
        offices
        planned
        real
        perResident
        perTargetPerson
        targetPopulation { value year indicatorName }
        targetNote
        category { key name nameEn }
        costTypes { costType planned }
      }
    }
  }
`);
