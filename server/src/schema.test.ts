import { readFileSync } from 'node:fs';
import { buildSchema as buildSdl } from 'graphql';
import { findBreakingChanges } from 'graphql';
import { printSdl, sdlPath } from './schema';

describe('the committed GraphQL contract (schema/schema.graphql)', () => {
  it('matches the SDL emitted from the code (run `npm run schema -w @sozialatlas/server` after API changes)', async () => {
    expect(await printSdl()).toBe(readFileSync(sdlPath, 'utf8'));
  });

  it('describes every type, field and argument', async () => {
    const schema = buildSdl(await printSdl());
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if ('getFields' in type) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('can detect a breaking change (the check CI runs against the previous commit is wired)', () => {
    const before = buildSdl('type Query { a: Int, b: String }');
    const after = buildSdl('type Query { a: Int }');
    expect(findBreakingChanges(before, after).map((c) => c.type)).toEqual(['FIELD_REMOVED']);
  });
});
