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
    const answers = new Map<string, unknown>();
    try {
      for (const example of readExamples()) {
        expect({ example: example.title, errors: validate(schema, parse(example.query)).map((e) => e.message) }).toEqual({ example: example.title, errors: [] });
        const result = await gql.run(example.query);
        expect({ example: example.title, errors: result.errors ?? [] }).toEqual({ example: example.title, errors: [] });
        answers.set(/^query (\w+)/m.exec(example.query)?.[1] ?? example.title, result.data);
      }
      // an example returns what its title promises, not an empty list
      const rising = answers.get('UnemploymentRising') as { earlyWarnings: { alerts: { area: { name: string }; years: number[]; values: number[] }[] } };
      expect(rising.earlyWarnings.alerts.length).toBeGreaterThan(0);
      for (const alert of rising.earlyWarnings.alerts) {
        expect(alert.years).toEqual([2000, 2001, 2002, 2003]);
        expect(alert.values.every((v, i) => i === 0 || v > alert.values[i - 1]!)).toBe(true);
      }
    } finally {
      await gql.stop();
      await db.close();
    }
  });
});
