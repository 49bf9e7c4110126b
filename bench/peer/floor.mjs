// The raw-SQL floor of bench/peer.mjs: a plain node http server that answers each benchmark query
// with one hand-written SQL statement through `pg`, PostgreSQL building the whole JSON response
// (same shape as Sozialatlas's answer). No GraphQL: the request names the query. It shows how far
// every GraphQL layer is from what the database alone costs.
//
//   DATABASE_URL=postgres://… node bench/peer/floor.mjs      (prints "floor listening on <port>")
import { createServer } from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 10) });

// The rules Sozialatlas applies for anonymous callers: suppressed values have no number, drafts are hidden.
const shownValue = `CASE WHEN v.status = 'SUPPRESSED' THEN NULL ELSE v.value END`;
const fundingsOf = (service) => `(SELECT coalesce(json_agg(json_build_object('year', f.year, 'amount', f.amount::text) ORDER BY f.year, f.id), '[]')
   FROM funding f WHERE f.service_id = ${service}.id AND f.published
    AND NOT EXISTS (SELECT 1 FROM provider hp WHERE hp.id = f.provider_id AND NOT hp.published))`;

const districtValue = `(SELECT json_build_object('value', ${shownValue}, 'status', v.status)
   FROM indicator_value v WHERE v.area_id = a.id AND v.indicator_id = (SELECT id FROM indicator WHERE key = $1) AND v.year = $2)`;

export const statements = {
  mapValues: {
    params: (v) => [v.indicator, v.year],
    sql: `SELECT json_build_object('data', json_build_object('areas', json_build_object('nodes', coalesce(json_agg(
            json_build_object('id', a.id, 'code', a.code, 'name', a.name, 'value', ${districtValue}) ORDER BY a.id), '[]'))))::text AS body
            FROM area a WHERE a.level = 'DISTRICT' AND a.city_id = (SELECT area_id FROM city WHERE is_default)`,
  },
  mapGeometry: {
    params: (v) => [v.indicator, v.year, v.simplify, v.precision],
    sql: `SELECT json_build_object('data', json_build_object('areas', json_build_object('nodes', coalesce(json_agg(
            json_build_object('id', a.id, 'code', a.code, 'name', a.name,
              'geometry', ST_AsGeoJSON(COALESCE((SELECT gl.geom FROM area_geometry_level gl WHERE gl.area_id = a.id AND gl.tolerance_m = $3::float8),
                                                area_simplify(a.geom, a.label_point, $3::float8)), $4::int)::json,
              'value', ${districtValue}) ORDER BY a.id), '[]'))))::text AS body
            FROM area a WHERE a.level = 'DISTRICT' AND a.city_id = (SELECT area_id FROM city WHERE is_default)`,
  },
  indicatorValues: {
    params: (v) => [v.indicator],
    sql: `SELECT json_build_object('data', json_build_object('indicatorValues', json_build_object('totalCount', count(*), 'nodes', coalesce(json_agg(
            json_build_object('year', v.year, 'value', ${shownValue}, 'status', v.status, 'derived', v.derived, 'area', json_build_object('id', v.area_id))
            ORDER BY v.id), '[]'))))::text AS body
            FROM indicator_value v JOIN area a ON a.id = v.area_id
           WHERE v.indicator_id = (SELECT id FROM indicator WHERE key = $1) AND a.level = 'DISTRICT' AND a.city_id = (SELECT area_id FROM city WHERE is_default)`,
  },
  nestedServices: {
    params: () => [],
    sql: `SELECT json_build_object('data', json_build_object('services', json_build_object('nodes', coalesce(json_agg(
            json_build_object('id', s.id, 'name', s.name,
              'provider', (SELECT json_build_object('name', p.name) FROM provider p WHERE p.id = s.provider_id AND p.published),
              'fundings', ${fundingsOf('s')},
              'locations', (SELECT coalesce(json_agg(json_build_object('street', l.street,
                               'area', (SELECT json_build_object('code', la.code, 'name', la.name) FROM area la WHERE la.id = l.area_id)) ORDER BY l.id), '[]')
                              FROM service_location sl JOIN location l ON l.id = sl.location_id WHERE sl.service_id = s.id)
            ) ORDER BY s.id), '[]'))))::text AS body
            FROM (SELECT * FROM service WHERE published ORDER BY id LIMIT 500) s`,
  },
  nestedProviders: {
    params: (v) => [v.first],
    sql: `SELECT json_build_object('data', json_build_object('providers', json_build_object('nodes', coalesce(json_agg(
            json_build_object('id', p.id, 'name', p.name,
              'services', (SELECT coalesce(json_agg(json_build_object('id', s.id, 'name', s.name, 'fundings', ${fundingsOf('s')}) ORDER BY s.name, s.id), '[]')
                             FROM service s WHERE s.provider_id = p.id AND s.published)
            ) ORDER BY p.id), '[]'))))::text AS body
            FROM (SELECT * FROM provider WHERE published ORDER BY id LIMIT $1) p`,
  },
};

const server = createServer(async (req, res) => {
  let raw = '';
  for await (const chunk of req) raw += chunk;
  try {
    const { operationName, variables = {} } = JSON.parse(raw || '{}');
    const statement = statements[operationName];
    if (!statement) {
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: `unknown query ${operationName}` }] }));
      return;
    }
    // A named prepared statement: parsed and planned once per connection, like a hot path would be.
    const { rows } = await pool.query({ name: operationName, text: statement.sql, values: statement.params(variables) });
    res.writeHead(200, { 'content-type': 'application/json' }).end(rows[0].body);
  } catch (error) {
    res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: String(error?.message ?? error) }] }));
  }
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => console.log(`floor listening on ${server.address().port}`));
const stop = () => server.close(() => pool.end().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
