import { mkdirSync, readFileSync } from 'node:fs';
import { migrate, openDatabase, type Database } from '@sozialatlas/db';
import { readConfig } from '../config';

/** Opens and migrates the same database the server uses (DATABASE_URL or DATA_DIR). */
export async function openServerDatabase(): Promise<Database> {
  const config = readConfig();
  if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
  const db = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
  await migrate(db);
  return db;
}

/** `--name value` and `--flag` options. */
export function options(argv: string[]): Map<string, string | true> {
  const result = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) continue;
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const next = argv[i + 1];
    if (inline !== undefined) result.set(name, inline);
    else if (next !== undefined && !next.startsWith('--')) result.set(name, argv[++i] as string);
    else result.set(name, true);
  }
  return result;
}

/** Everything piped to stdin (fd 0). */
export const readStdin = () => readFileSync(0, 'utf8');

export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
