// The map's GraphQL operations must stay valid against the committed contract
// (schema/schema.graphql): a field renamed on the server fails here, not in a planner's browser.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { sdlPath } from '../src/schema';

const clientSrc = path.resolve(__dirname, '..', '..', 'client', 'src');

function clientOperations(dir = clientSrc): { file: string; document: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return clientOperations(file);
    if (!/\.tsx?$/.test(name) || name.endsWith('.test.ts')) return [];
    // Interpolated parts (generated field lists) are checked as a placeholder field.
    return [...readFileSync(file, 'utf8').matchAll(/gql`([^`]*)`/g)].map((m) => ({
      file: path.relative(clientSrc, file),
      document: (m[1] as string).replace(/\$\{[^}]*\}/g, '__typename'),
    }));
  });
}

describe('the map client’s GraphQL operations', () => {
  const operations = clientOperations();

  it('are found in the client sources', () => {
    expect(operations.length).toBeGreaterThanOrEqual(5);
  });

  it('validate against schema/schema.graphql', () => {
    const schema = buildSchema(readFileSync(sdlPath, 'utf8'));
    const problems = operations.flatMap(({ file, document }) =>
      validate(schema, parse(document)).map((error) => `${file}: ${error.message}`),
    );
    expect(problems).toEqual([]);
  });
});
