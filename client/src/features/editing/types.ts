import type { EditLookupsQuery } from '../../generated/graphql';

/** Lists every editing form needs: categories, providers (for the provider choice), districts (sorted by name). */
export interface Lookups {
  categories: EditLookupsQuery['serviceCategories'];
  providers: EditLookupsQuery['providers']['nodes'];
  districts: EditLookupsQuery['areas']['nodes'];
}
