// The peer of bench/peer.mjs: PostGraphile v5 with its default (Amber) preset, production mode,
// on the same database as Sozialatlas through a read-only role. Runs on Node ≥ 22 (the binary from
// this folder's node_modules; bench/peer.mjs starts it).
//
//   DATABASE_URL=postgres://readonly@… node22 bench/peer/postgraphile.mjs   (prints "postgraphile listening on <port>")
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [
    makePgService({ connectionString: process.env.DATABASE_URL, schemas: ['public'], poolConfig: { max: Number(process.env.POOL_SIZE ?? 10) } }),
  ],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
  // PostGraphile offers ordering and conditions only on indexed columns by default; the nested
  // query orders a provider's services by name, as Sozialatlas does (the same work for both).
  disablePlugins: ['PgIndexBehaviorsPlugin'],
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
serv.addTo(server);
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => console.log(`postgraphile listening on ${server.address().port}`));
const stop = () => server.close(() => pgl.release().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
