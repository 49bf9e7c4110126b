import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';

/**
 * The bundled GraphQL explorer at /graphiql: GraphiQL from npm served from our own origin (no
 * CDN, works offline), with the example operations of schema/operations/examples preloaded as tabs.
 */
const serverRoot = path.resolve(__dirname, '..', '..');
const examplesDir = path.resolve(serverRoot, '..', 'schema', 'operations', 'examples');

/** A file of an installed package, looked up like Node does from the server package upwards. */
function moduleFile(specifier: string): string {
  for (let dir = serverRoot; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', specifier);
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`${specifier} is not installed`);
  }
}

export function readExamples(): { title: string; query: string }[] {
  return readdirSync(examplesDir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const query = readFileSync(path.join(examplesDir, file), 'utf8');
      const title = /^#\s*(.+)$/m.exec(query)?.[1] ?? file.replace(/\.graphql$/, '');
      return { title, query };
    });
}

export function explorerRouter(): Router {
  const router = express.Router();
  const assets: Record<string, string> = {
    'react.js': moduleFile('react/umd/react.production.min.js'),
    'react-dom.js': moduleFile('react-dom/umd/react-dom.production.min.js'),
    'graphiql.js': moduleFile('graphiql/graphiql.min.js'),
    'graphiql.css': moduleFile('graphiql/graphiql.min.css'),
    'init.js': path.join(serverRoot, 'src', 'http', 'explorer', 'init.js'),
    'a11y.css': path.join(serverRoot, 'src', 'http', 'explorer', 'a11y.css'),
  };
  router.get('/', (_req, res) => {
    res.type('html').send(`<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>Sozialatlas – GraphQL explorer</title>
  <link rel="stylesheet" href="/graphiql/assets/graphiql.css" />
  <link rel="stylesheet" href="/graphiql/assets/a11y.css" />
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql" role="main" aria-label="GraphQL explorer">Loading the explorer …</div>
  <script src="/graphiql/assets/react.js"></script>
  <script src="/graphiql/assets/react-dom.js"></script>
  <script src="/graphiql/assets/graphiql.js"></script>
  <script src="/graphiql/assets/init.js"></script>
</body>
</html>`);
  });
  router.get('/examples.json', (_req, res) => {
    res.json(readExamples());
  });
  router.get('/assets/:file', (req, res) => {
    const file = assets[req.params.file];
    if (!file) {
      res.status(404).end();
      return;
    }
    res.sendFile(file, { maxAge: '1d' });
  });
  return router;
}
