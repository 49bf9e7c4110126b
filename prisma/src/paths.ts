import { existsSync } from 'node:fs';
import path from 'node:path';

/** The `prisma/` package folder, found from source (jest) and from the compiled `dist/` alike. */
export const packageRoot: string = (() => {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'schema.prisma'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`schema.prisma not found above ${__dirname}`);
    dir = parent;
  }
  return dir;
})();

export const migrationsDir = path.join(packageRoot, 'migrations');
export const schemaPath = path.join(packageRoot, 'schema.prisma');
