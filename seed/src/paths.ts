import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The seed package folder, found by walking up from this file to `package.json` of
 * @sozialatlas/seed: works from `src` (jest, ts) and from the compiled `dist`.
 */
export function seedPackageDir(): string {
  let dir = __dirname;
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        if (JSON.parse(readFileSync(file, 'utf8')).name === '@sozialatlas/seed') return dir;
      } catch {
        /* not ours */
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`seed package.json not found above ${__dirname}`);
    dir = parent;
  }
}

/** Folder with the shipped Leipzig files. */
export const leipzigDataDir = () => path.join(seedPackageDir(), 'data', 'leipzig');
/** Folder with the shipped Germany-wide files. */
export const germanyDataDir = () => path.join(seedPackageDir(), 'data', 'germany');
/** The repository root (parent of the seed package). */
export const repoDir = () => path.dirname(seedPackageDir());
