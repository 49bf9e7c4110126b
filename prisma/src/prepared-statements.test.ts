// Prepared statements on the PostgreSQL server: the same SQL text keeps its name (node-postgres
// refuses one name for two texts), and only a bounded number of texts is named, so ad-hoc queries
// cannot grow every connection's statement cache without end.
import { preparedStatementNames } from './database';

describe('preparedStatementNames', () => {
  it('names each distinct text once and always the same way', () => {
    const name = preparedStatementNames();
    const a = name({ sql: 'SELECT 1' });
    const b = name({ sql: 'SELECT 2' });
    expect(a).toEqual(expect.any(String));
    expect(b).not.toBe(a);
    expect(name({ sql: 'SELECT 1' })).toBe(a);
  });

  it('leaves texts beyond the bound unnamed, and keeps the names it gave', () => {
    const name = preparedStatementNames(2);
    const first = name({ sql: 'SELECT 1' });
    name({ sql: 'SELECT 2' });
    expect(name({ sql: 'SELECT 3' })).toBeUndefined();
    expect(name({ sql: 'SELECT 1' })).toBe(first);
  });
});
