import type { Feature, FeatureCollection, Point } from 'geojson';
import type { ServiceCategoriesQuery, ServicesForMapQuery } from '../../../generated/graphql';
import { pointCoordinates } from '../../../lib/geojson';
import { categoryColor } from './style';

type ServiceNode = ServicesForMapQuery['services']['nodes'][number];
type Category = ServiceCategoriesQuery['serviceCategories'][number];

/** One point per service location, coloured by the category's place in the list. */
export function servicePoints(nodes: ServiceNode[], categories: Category[]): FeatureCollection<Point> {
  const order = new Map(categories.map((c, i) => [c.key, i]));
  const features: Feature<Point>[] = [];
  for (const s of nodes) {
    for (const l of s.locations) {
      const at = pointCoordinates(l.point);
      if (!at) continue;
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: at },
        properties: { id: s.id, name: s.name, categoryKey: s.category.key, category: s.category.name, categoryEn: s.category.nameEn, provider: s.provider?.name ?? '', synthetic: !!s.source?.synthetic, color: categoryColor(order.get(s.category.key) ?? 0) },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}
