// One gate for the "published" rule (modules/common/visible.sql.ts): no read path writes it out
// again, and every read path hides what the gate hides.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { useSeededGraphQL } from './graphql';

const modules = path.join(__dirname, '..', 'src', 'modules');
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path.join(dir, e.name)] : [],
  );

test('no read path tests "published" in SQL except through the visible… fragments', () => {
  // `x.published` as a condition; a column list (`s.published,`) only reads it.
  const condition = /\b[a-z]{1,3}\.published\b(?!\s*,)/;
  const offenders = sourceFiles(modules)
    .filter((file) => !file.endsWith(path.join('common', 'visible.sql.ts')))
    .filter((file) => condition.test(readFileSync(file, 'utf8')))
    .map((file) => path.relative(modules, file));
  expect(offenders).toEqual([]);
});

describe('money flows see funding as the funding list does', () => {
  const { db, gql } = useSeededGraphQL();

  const moneyTotal = async (year: number) => {
    const { moneyFlows } = await gql.data(`{ moneyFlows(fromYear: ${year}, toYear: ${year}) { byAreaYear { year nominal } unallocated { year amount } } }`);
    const sum = (rows: { year: number; amount?: string; nominal?: string }[]) =>
      rows.filter((r) => r.year === year).reduce((s, r) => s + Number(r.nominal ?? r.amount), 0);
    return sum(moneyFlows.byAreaYear) + sum(moneyFlows.unallocated);
  };

  it('hides a service funding line whose provider is a draft', async () => {
    const line = await db.prisma.funding.findFirstOrThrow({
      where: { year: 2021, serviceId: { not: null }, status: { not: 'APPLIED' }, published: true, service: { published: true } },
      orderBy: { amount: 'desc' },
    });
    const provider = await db.prisma.provider.create({ data: { name: 'Entwurf-Träger', normalizedName: 'entwurf traeger', kind: 'NON_PROFIT', published: false } });
    const before = await moneyTotal(2021);
    await db.prisma.funding.update({ where: { id: line.id }, data: { providerId: provider.id } });

    const { service } = await gql.data(`{ service(id: ${line.serviceId}) { fundings(fromYear: 2021, toYear: 2021) { id } } }`);
    expect(service.fundings.map((f: { id: number }) => f.id)).not.toContain(line.id);
    expect(await moneyTotal(2021)).toBeCloseTo(before - Number(line.amount), 2);
  });
});
