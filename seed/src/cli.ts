#!/usr/bin/env node
// Seeds a database: `node seed/dist/cli.js [--data-dir DIR]` imports the Leipzig data;
// `--synthetic [--areas 10000 --services 100000 --years 20 --seed 42]` builds the synthetic city
// into an empty database instead. Database: DATABASE_URL (PostGIS server), else the embedded one
// in --data-dir, DATA_DIR or <repo>/.data/pglite. Migrates first; prints the import reports and
// writes them in full to <repo>/.data/seed-report.txt (or --report-file). SEED_DEMO=false: no demo data.
// `--city DIR` (repeatable) imports only the city described by DIR/city.json (docs/data.md,
// "Adding a third city") into an already seeded database.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { migrate, openDatabase, type OpenDatabaseOptions } from '@sozialatlas/db';
import { demoFromEnv, seedLeipzig } from './index';
import { repoDir } from './paths';
import { formatReport } from './report';
import { generateSynthetic } from './synthetic';
import { importCity } from './importers/city-manifest';

export interface CliArgs {
  synthetic: boolean;
  areas: number;
  services: number;
  years: number;
  seed: number;
  dataDir?: string;
  /** folders with a city.json manifest to import instead of the shipped data */
  cities: string[];
  /** Where the full import report goes (default <repo>/.data/seed-report.txt). */
  reportFile?: string;
}

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { synthetic: false, areas: 10_000, services: 100_000, years: 20, seed: 42, cities: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const int = () => {
      const v = Number(value());
      if (!Number.isInteger(v) || v < 0) throw new Error(`${a} needs a non-negative integer`);
      return v;
    };
    if (a === '--synthetic') args.synthetic = true;
    else if (a === '--areas') args.areas = int();
    else if (a === '--services') args.services = int();
    else if (a === '--years') args.years = int();
    else if (a === '--seed') args.seed = int();
    else if (a === '--data-dir') args.dataDir = value();
    else if (a === '--city') args.cities.push(path.resolve(value()));
    else if (a === '--report-file') args.reportFile = value();
    else if (a === '--help' || a === '-h') {
      console.log('usage: seed [--data-dir DIR] [--report-file FILE] [--city DIR ...] [--synthetic --areas N --services N --years N --seed N]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

/**
 * Where the seed writes, and how. The seed is not a request: no statement_timeout on the server
 * (DATABASE_STATEMENT_TIMEOUT_MS bounds requests; the synthetic city's bulk statements run longer
 * than its 30 s default on a busy machine).
 */
export function seedDatabaseOptions(args: Pick<CliArgs, 'dataDir'>, env: NodeJS.ProcessEnv = process.env): OpenDatabaseOptions {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl) return { databaseUrl, statementTimeoutMs: 0 };
  return { dataDir: path.resolve(args.dataDir ?? env.DATA_DIR ?? path.join(repoDir(), '.data', 'pglite')) };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const options = seedDatabaseOptions(args);
  console.log(`database: ${options.databaseUrl ? 'DATABASE_URL' : options.dataDir}`);
  const db = await openDatabase(options);
  try {
    await migrate(db);
    if (args.synthetic) {
      console.log(formatReport(await generateSynthetic(db.prisma, args)));
    } else if (args.cities.length) {
      const reports = [];
      for (const dir of args.cities) reports.push(...(await importCity(db.prisma, dir)));
      for (const r of reports) console.log(formatReport(r));
      const file = args.reportFile ?? path.join(repoDir(), '.data', 'seed-report.txt');
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `${reports.map((r) => formatReport(r, Number.MAX_SAFE_INTEGER)).join('\n')}\n`);
      console.log(`import report written to ${file}`);
    } else {
      await seedLeipzig(db.prisma, { quiet: false, demo: demoFromEnv(), reportFile: args.reportFile ?? path.join(repoDir(), '.data', 'seed-report.txt') });
    }
  } finally {
    await db.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
