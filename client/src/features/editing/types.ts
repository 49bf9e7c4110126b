/** Lists every editing form needs: categories, providers (for the provider choice), districts. */
export interface Lookups {
  categories: { id: number; key: string; name: string; nameEn: string | null }[];
  providers: { id: number; name: string; published: boolean }[];
  districts: { id: number; name: string }[];
}
