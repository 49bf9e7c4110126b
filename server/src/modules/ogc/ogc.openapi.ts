import { DEFAULT_LIMIT, MAX_INDICATORS, MAX_LIMIT } from './ogc.params';

/** The OpenAPI 3.0 definition served at /ogc/api (conformance class oas30). */
export function openApi(serverUrl: string, collections: { id: string; kind: 'area' | 'service' | 'place'; title: string }[]) {
  const query = (name: string, description: string, schema: object, extra: object = {}) => ({ name, in: 'query', required: false, description, schema, ...extra });
  const f = query('f', 'Encoding; only JSON is offered.', { type: 'string', enum: ['json'] });
  const fItems = query('f', 'Encoding; only GeoJSON is offered.', { type: 'string', enum: ['json', 'geojson'] });
  const collectionId = { name: 'collectionId', in: 'path', required: true, schema: { type: 'string', enum: collections.map((c) => c.id) } };
  const featureId = { name: 'featureId', in: 'path', required: true, description: 'Area code (areas) or service-location (services, e.g. 12-34).', schema: { type: 'string' } };
  const itemParams = [
    query('limit', `Features per page (default ${DEFAULT_LIMIT}, larger values are capped at ${MAX_LIMIT}); follow the "next" link for more.`,
      { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT }, { style: 'form', explode: false }),
    query('offset', 'Features to skip (paging; the next/prev links set it).', { type: 'integer', minimum: 0, default: 0 }),
    query('bbox', 'minLon,minLat,maxLon,maxLat in WGS 84 (CRS84), longitude first.',
      { type: 'array', minItems: 4, maxItems: 6, items: { type: 'number' } }, { style: 'form', explode: false }),
    query('bbox-crs', 'Only CRS84.', { type: 'string', format: 'uri', enum: ['http://www.opengis.net/def/crs/OGC/1.3/CRS84'] }),
    query('crs', 'Only CRS84.', { type: 'string', format: 'uri', enum: ['http://www.opengis.net/def/crs/OGC/1.3/CRS84'] }),
    query('datetime', 'Areas: the year of the indicator values (a year, date, date-time or interval; the latest year within it is used). Services: services running at that time.',
      { type: 'string' }, { style: 'form', explode: false }),
    query('year', 'Alias of datetime for one year, e.g. 2022.', { type: 'integer' }),
    query('indicators', `Areas only: up to ${MAX_INDICATORS} indicator keys whose values become properties <key>, <key>_status, <key>_year (default: population).`,
      { type: 'array', items: { type: 'string' } }, { style: 'form', explode: false }),
    query('category', 'Services only: category keys, e.g. day_care,counselling.', { type: 'array', items: { type: 'string' } }, { style: 'form', explode: false }),
    query('status', 'Services only: PLANNED, ACTIVE, CLOSED.', { type: 'array', items: { type: 'string', enum: ['PLANNED', 'ACTIVE', 'CLOSED'] } }, { style: 'form', explode: false }),
    query('city', 'Areas and services: the city, by key (chemnitz) or AGS (14511000); default the default city (Leipzig). Alias: stadt.', { type: 'string' }),
    query('stadt', 'Alias of city.', { type: 'string' }),
    fItems,
  ];
  const json = (description: string, type = 'application/json') => ({ description, content: { [type]: { schema: { type: 'object' } } } });
  const errors = {
    400: json('A parameter is invalid; "parameter" names it.'),
    404: json('No such collection or feature.'),
    500: json('Server error.'),
  };
  return {
    openapi: '3.0.3',
    info: {
      title: 'Sozialatlas – OGC API Features',
      version: '1.0.0',
      description: 'Read-only OGC API – Features (Part 1: Core) over the Sozialatlas areas and services. See docs/embedding.md.',
    },
    servers: [{ url: serverUrl }],
    paths: {
      '/': { get: { summary: 'Landing page', operationId: 'getLandingPage', parameters: [f], responses: { 200: json('Links to the API definition, conformance and collections.'), ...errors } } },
      '/conformance': { get: { summary: 'Conformance classes', operationId: 'getConformanceDeclaration', parameters: [f], responses: { 200: json('The conformance classes.'), ...errors } } },
      '/api': { get: { summary: 'This API definition', operationId: 'getApi', parameters: [f], responses: { 200: json('OpenAPI 3.0', 'application/vnd.oai.openapi+json;version=3.0') } } },
      '/collections': { get: { summary: 'Feature collections', operationId: 'getCollections', parameters: [f], responses: { 200: json('The collections.'), ...errors } } },
      '/collections/{collectionId}': { get: { summary: 'One collection', operationId: 'describeCollection', parameters: [collectionId, f], responses: { 200: json('Collection metadata (extent, CRS, attribution).'), ...errors } } },
      '/collections/{collectionId}/schema': { get: { summary: 'JSON Schema of the features', operationId: 'getSchema', parameters: [collectionId, f], responses: { 200: json('JSON Schema.', 'application/schema+json'), ...errors } } },
      '/collections/{collectionId}/items': { get: { summary: 'Features', operationId: 'getFeatures', parameters: [collectionId, ...itemParams], responses: { 200: json('A GeoJSON FeatureCollection with numberMatched, numberReturned and next/prev links.', 'application/geo+json'), ...errors } } },
      '/collections/{collectionId}/items/{featureId}': { get: { summary: 'One feature', operationId: 'getFeature', parameters: [collectionId, featureId, query('indicators', 'Areas only: as for items.', { type: 'array', items: { type: 'string' } }, { style: 'form', explode: false }), query('datetime', 'Areas only: as for items.', { type: 'string' }), query('city', 'Areas only: the city of the area code (codes are unique per city); default the default city. Alias: stadt.', { type: 'string' }), fItems], responses: { 200: json('A GeoJSON Feature.', 'application/geo+json'), ...errors } } },
    },
  };
}
