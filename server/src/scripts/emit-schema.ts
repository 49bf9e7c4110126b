// Writes the SDL emitted from the resolvers to schema/schema.graphql (the committed contract).
// Run after changing the API: npm run schema -w @sozialatlas/server
import { writeFileSync } from 'node:fs';
import { printSdl, sdlPath } from '../schema';

printSdl()
  .then((sdl) => {
    writeFileSync(sdlPath, sdl);
    process.stdout.write(`wrote ${sdlPath}\n`);
  })
  .catch((error) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
