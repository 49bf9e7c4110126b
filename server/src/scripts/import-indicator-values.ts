// Imports indicator values from a CSV file in long form (area_code,indicator_key,year,value,status),
// the same checks as the API's importIndicatorValues: dry run unless --commit, all or nothing.
//   npm run import-values -w @sozialatlas/server -- values.csv            (dry run)
//   npm run import-values -w @sozialatlas/server -- values.csv --commit
//   … --commit --override-conflicts   (also lines that would lift a suppression)
//   … --city=chemnitz                 (the file's area codes are Chemnitz's; default: the default city)
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { systemActor } from '../modules/auth/roles';
import { importIndicatorValues } from '../modules/imports/indicator-values.import';
import { resolveCity } from '../modules/cities/city.sql';
import { fail, openServerDatabase, options } from './cli';

async function main() {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) fail('Usage: import-indicator-values <file.csv> [--commit] [--allow-derived-levels] [--override-conflicts] [--city=<key or AGS>]');
  const flags = options(args);
  const commit = flags.get('commit') === true;
  const allowDerivedLevels = flags.get('allow-derived-levels') === true;
  const overrideConflicts = flags.get('override-conflicts') === true;
  const db = await openServerDatabase();
  try {
    const cityFlag = flags.get('city');
    const city = await resolveCity(db.prisma, typeof cityFlag === 'string' ? cityFlag : undefined, '--city');
    const result = await importIndicatorValues(db.prisma, readFileSync(file, 'utf8'), { dryRun: !commit, allowDerivedLevels, overrideConflicts, city, actor: systemActor(`import-indicator-values ${file}`) });
    for (const error of result.errors) process.stderr.write(`${error.message} [${error.reason}]\n`);
    if (result.errors.length) fail(`${result.errors.length} error(s): nothing written.`);
    for (const c of result.conflicts) process.stderr.write(`${c.message} [${c.reason}]\n`);
    for (const w of result.warnings) process.stderr.write(`Hinweis: ${w}\n`);
    for (const c of result.changes) {
      process.stdout.write(`line ${c.line}: ${c.kind} ${c.areaCode} ${c.indicatorKey} ${c.year}: ${c.beforeValue ?? '–'} ${c.beforeStatus ?? ''} → ${c.value ?? '–'} ${c.status}\n`);
    }
    const summary = `${result.rows} lines: ${result.created} new, ${result.updated} changed, ${result.unchanged} unchanged`;
    process.stdout.write(result.applied ? `${summary}; written, ${result.derived} derived values updated\n` : `${summary}; dry run, nothing written (use --commit)\n`);
  } finally {
    await db.close();
  }
}

main().catch((error) => fail(String(error)));
