import { getSchema } from './schema';
import { directFieldResolvers } from './fast-resolvers';

describe('direct field resolvers', () => {
  it('cover the per-row relations of the hot queries', async () => {
    const schema = await getSchema();
    // getSchema replaced them already; a second pass finds the same fields
    const replaced = directFieldResolvers(schema);
    for (const name of ['Service.provider', 'Service.locations', 'Service.fundings', 'Location.area', 'Area.value', 'Area.parent', 'IndicatorValue.area', 'Provider.services']) {
      expect(replaced).toContain(name);
    }
  });
});
