// Imports statistics files in the published kdvalues shape by a mapping, the same importer and
// checks as the seed and the API's importStatistics: dry run unless --commit, all or nothing.
//   npm run import-kdvalues -w @sozialatlas/server -- leipzig-sicherheit.json [more.json …] [--mapping statistics.mapping.json]
//   … --commit                 (write; the mapping's indicator definitions are written to the catalogue)
//   … --commit --override-conflicts   (also values that would lift a suppression)
//   … --city chemnitz          (the files name Chemnitz's Ortsteile; default: the default city)
// Without --mapping: statistics.mapping.json beside the first file if there is one, else the shipped Leipzig mapping.
import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { systemActor } from '../modules/auth/roles';
import { importStatisticsFiles } from '../modules/imports/statistics.import';
import { resolveCity } from '../modules/cities/city.sql';
import { fail, openServerDatabase, options } from './cli';

async function main() {
  const args = process.argv.slice(2);
  const flags = options(args);
  const mappingArg = flags.get('mapping');
  const files = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--mapping' && args[i - 1] !== '--city');
  if (!files.length) fail('Usage: import-kdvalues <file.json> [more.json …] [--mapping statistics.mapping.json] [--city <key or AGS>] [--commit] [--override-conflicts]');
  const cityArg = flags.get('city');
  const beside = path.join(path.dirname(files[0]!), 'statistics.mapping.json');
  const mappingFile = typeof mappingArg === 'string' ? mappingArg : existsSync(beside) ? beside : null;
  const db = await openServerDatabase();
  try {
    const result = await importStatisticsFiles(db.prisma, {
      files: files.map((f) => ({ name: path.basename(f), text: readFileSync(f, 'utf8') })),
      mapping: mappingFile ? { name: path.basename(mappingFile), text: readFileSync(mappingFile, 'utf8') } : null,
      dryRun: flags.get('commit') !== true,
      overrideConflicts: flags.get('override-conflicts') === true,
      defineIndicators: true,
      city: await resolveCity(db.prisma, typeof cityArg === 'string' ? cityArg : undefined, '--city'),
      actor: systemActor(`import-kdvalues ${files.join(' ')}`),
    });
    for (const e of result.errors) process.stderr.write(`${e.file}${e.path ? ` ${e.path}` : ''}: ${e.message}\n`);
    if (result.errors.length) fail(`${result.errors.length} error(s): nothing written.`);
    for (const s of result.skipped) process.stderr.write(`übersprungen / skipped: ${s.row}: ${s.reason}\n`);
    for (const w of [...result.plausibility, ...result.liftsSuppression, ...result.warnings]) process.stderr.write(`Hinweis / note: ${w}\n`);
    const summary = `mapping ${result.mapping}; ${result.files.length} files, ${result.rowsRead} rows read, ${result.ortsteilValues} Ortsteil values, ${result.unchanged} unchanged, ${result.unmapped.length} unmapped sub-indicators`;
    process.stdout.write(result.applied ? `${summary}; written (${result.written} rows)\n` : `${summary}; dry run, nothing written (use --commit)\n`);
  } finally {
    await db.close();
  }
}

main().catch((error) => fail(String(error)));
