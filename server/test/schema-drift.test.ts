// The Prisma schema and the SQL migrations are written by hand side by side (the Prisma CLI's
// migration engine cannot run offline). This test makes them unable to drift: it reads the Prisma
// schema through Prisma's own parser (prisma-schema-wasm) and compares tables, columns, types,
// nullability, enums and indexes with the database the migrations build.
import { readFileSync } from 'node:fs';
import { get_dmmf } from '@prisma/prisma-schema-wasm';
import { schemaPath, type Database } from '@sozialatlas/db';
import { openMigratedDatabase } from './db';

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'enum' | 'object' | 'unsupported';
  type: string;
  isRequired: boolean;
  isList: boolean;
  nativeType?: [string, string[]] | null;
}
interface DmmfModel { name: string; dbName: string | null; fields: DmmfField[] }
interface DmmfIndex { model: string; type: 'id' | 'unique' | 'normal' | 'fulltext'; algorithm?: string; fields: { name: string }[] }
interface DmmfEnum { name: string; dbName: string | null; values: { name: string }[] }

const schemaText = readFileSync(schemaPath, 'utf8');
const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: schemaText }))).datamodel as {
  models: DmmfModel[];
  enums: DmmfEnum[];
  indexes: DmmfIndex[];
};

/** Unsupported("…") fields are left out of the DMMF: read them from the schema text. */
function unsupportedColumns(model: string): { column: string; type: string; required: boolean }[] {
  const block = new RegExp(`model ${model} \\{([\\s\\S]*?)\\n\\}`).exec(schemaText)?.[1] ?? '';
  return [...block.matchAll(/^\s*(\w+)\s+Unsupported\("([^"]+)"\)(\?)?([^\n]*)$/gm)].map((m) => ({
    column: /@map\("(\w+)"\)/.exec(m[4] ?? '')?.[1] ?? (m[1] as string),
    type: (m[2] as string).replace(/\s+/g, '').toLowerCase(),
    required: m[3] !== '?',
  }));
}

const enumDbName = (name: string) => dmmf.enums.find((e) => e.name === name)?.dbName ?? name;
const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
const columnOf = (field: DmmfField) => field.dbName ?? field.name;

/** The PostgreSQL type Prisma would create for a field. */
function expectedType(field: DmmfField): string {
  const native = field.nativeType?.[0];
  const base = (() => {
    if (field.kind === 'enum') return enumDbName(field.type);
    switch (field.type) {
      case 'Int': return 'int4';
      case 'BigInt': return 'int8';
      case 'String': return 'text';
      case 'Float': return 'float8';
      case 'Boolean': return 'bool';
      case 'Json': return 'jsonb';
      case 'Decimal': return 'numeric';
      case 'DateTime': return native === 'Date' ? 'date' : native === 'Timestamptz' ? 'timestamptz' : 'timestamp';
      default: throw new Error(`unmapped Prisma type ${field.type}`);
    }
  })();
  return field.isList ? `_${base}` : base;
}

describe('Prisma schema and migrated database', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openMigratedDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  const query = <T,>(sql: string) => db.withSession((s) => s.query<T>(sql));

  it('have the same tables', async () => {
    const rows = await query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
          AND table_name NOT IN ('_prisma_migrations', 'spatial_ref_sys')`,
    );
    expect(rows.map((r) => r.table_name).sort()).toEqual(dmmf.models.map(tableOf).sort());
  });

  it('have the same columns with the same types and nullability', async () => {
    const rows = await query<{ table_name: string; column_name: string; udt_name: string; is_nullable: string; geometry: string | null }>(
      `SELECT c.table_name, c.column_name, c.udt_name, c.is_nullable,
              lower(replace(format_type(a.atttypid, a.atttypmod), ' ', '')) AS geometry
         FROM information_schema.columns c
         JOIN pg_attribute a ON a.attrelid = format('%I.%I', c.table_schema, c.table_name)::regclass AND a.attname = c.column_name
        WHERE c.table_schema = 'public' AND c.table_name NOT IN ('_prisma_migrations', 'spatial_ref_sys')
          AND c.table_name IN (SELECT table_name FROM information_schema.tables
                                WHERE table_schema = 'public' AND table_type = 'BASE TABLE')`,
    );
    const actual = rows
      .map((r) => `${r.table_name}.${r.column_name}: ${r.udt_name === 'geometry' ? r.geometry : r.udt_name}${r.is_nullable === 'NO' ? '' : '?'}`)
      .sort();
    const expected = dmmf.models
      .flatMap((model) => [
        ...model.fields
          .filter((f) => f.kind === 'scalar' || f.kind === 'enum')
          // Prisma lists are nullable arrays in PostgreSQL unless the column says otherwise.
          .map((f) => `${tableOf(model)}.${columnOf(f)}: ${expectedType(f)}${f.isRequired && !f.isList ? '' : '?'}`),
        ...unsupportedColumns(model.name).map((u) => `${tableOf(model)}.${u.column}: ${u.type}${u.required ? '' : '?'}`),
      ])
      .sort();
    expect(actual).toEqual(expected);
  });

  it('have the same enums and values', async () => {
    const rows = await query<{ typname: string; labels: string[] }>(
      `SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
         JOIN pg_namespace n ON n.oid = t.typnamespace AND n.nspname = 'public'
        GROUP BY t.typname`,
    );
    const actual = Object.fromEntries(rows.map((r) => [r.typname, r.labels]));
    const expected = Object.fromEntries(dmmf.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.name)]));
    expect(actual).toEqual(expected);
  });

  it('have the same indexes (columns, uniqueness, access method)', async () => {
    const rows = await query<{ table: string; columns: string[]; is_unique: boolean; is_primary: boolean; method: string }>(
      `SELECT t.relname AS table,
              array_agg(a.attname::text ORDER BY k.ord) AS columns,
              ix.indisunique AS is_unique, ix.indisprimary AS is_primary, am.amname AS method
         FROM pg_index ix
         JOIN pg_class i ON i.oid = ix.indexrelid
         JOIN pg_class t ON t.oid = ix.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
         JOIN pg_am am ON am.oid = i.relam
         CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE t.relname NOT IN ('_prisma_migrations', 'spatial_ref_sys')
        GROUP BY t.relname, i.relname, ix.indisunique, ix.indisprimary, am.amname`,
    );
    const actual = rows
      .map((r) => `${r.table}(${r.columns.join(',')}) ${r.is_primary ? 'primary' : r.is_unique ? 'unique' : 'index'} ${r.method}`)
      .sort();
    const expected = dmmf.indexes
      .map((index) => {
        const model = dmmf.models.find((m) => m.name === index.model) as DmmfModel;
        const columns = index.fields.map((f) => {
          const field = model.fields.find((mf) => mf.name === f.name);
          if (field) return columnOf(field);
          return unsupportedColumns(model.name).find((u) => u.column === f.name)?.column
            ?? (/@map\("(\w+)"\)/.exec(new RegExp(`\\n\\s*${f.name}\\s+Unsupported[^\\n]*`).exec(schemaText)?.[0] ?? '')?.[1] ?? f.name);
        });
        const kind = index.type === 'id' ? 'primary' : index.type === 'unique' ? 'unique' : 'index';
        return `${tableOf(model)}(${columns.join(',')}) ${kind} ${(index.algorithm ?? 'btree').toLowerCase()}`;
      })
      .sort();
    expect(actual).toEqual(expected);
  });
});
