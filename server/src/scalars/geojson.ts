import { GraphQLScalarType, Kind } from 'graphql';

/** A GeoJSON geometry object (RFC 7946): `{ "type": "MultiPolygon", "coordinates": [...] }`, WGS 84. */
export interface GeoJsonGeometry {
  type: string;
  coordinates?: unknown;
  geometries?: unknown;
}

const geometryTypes = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

function assertGeometry(value: unknown): GeoJsonGeometry {
  if (typeof value === 'string') value = JSON.parse(value);
  if (!value || typeof value !== 'object' || !geometryTypes.has((value as GeoJsonGeometry).type)) {
    throw new TypeError('GeoJSON must be a geometry object with a valid "type"');
  }
  return value as GeoJsonGeometry;
}

export const GeoJSONScalar = new GraphQLScalarType({
  name: 'GeoJSON',
  description: 'A GeoJSON geometry object (RFC 7946) in WGS 84 longitude/latitude (Geometrie).',
  serialize: assertGeometry,
  parseValue: assertGeometry,
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING) return assertGeometry(ast.value);
    throw new TypeError('GeoJSON literals must be given as a JSON string or through variables');
  },
});
