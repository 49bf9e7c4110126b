// The example operations preloaded in the explorer and quoted in docs/api.md must keep working.
import { validate, parse } from 'graphql';
import { readExamples } from '../src/http/explorer';
import { getSchema } from '../src/schema';
import { openSeededDatabase } from './db';
import { createGraphQL } from './graphql';

describe('example operations (schema/operations/examples)', () => {
  it('validate against the schema and run without errors on the Leipzig data', async () => {
    const schema = await getSchema();
    const db = await openSeededDatabase();
    const gql = await createGraphQL(db);
    try {
      for (const example of readExamples()) {
        expect({ example: example.title, errors: validate(schema, parse(example.query)).map((e) => e.message) }).toEqual({ example: example.title, errors: [] });
        const result = await gql.run(example.query);
        expect({ example: example.title, errors: result.errors ?? [] }).toEqual({ example: example.title, errors: [] });
      }
    } finally {
      await gql.stop();
      await db.close();
    }
  });
});
