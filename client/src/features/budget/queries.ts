import { graphql } from '../../generated';

export const BUDGET_YEARS = graphql(`
  query BudgetYears {
    budgetYears
  }
`);

export const BUDGET = graphql(`
  query Budget($year: Int!, $inflation: Float) {
    budget(year: $year, assumedInflationPercent: $inflation) {
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
