import type { PrismaClient } from '@sozialatlas/db';
import { createContext } from './context';

// Apollo copies a context's own properties for each operation (Object.assign onto an object of
// the same prototype); that copy must not build the loaders a compiled read never uses.
const copyAsApolloDoes = <T extends object>(context: T): T => Object.assign(Object.create(Object.getPrototypeOf(context)), context);
const built = (context: object) => (context as { built?: unknown }).built !== undefined;

describe('request context', () => {
  it('builds its loaders on first use, not when Apollo copies it', () => {
    const context = copyAsApolloDoes(createContext({} as PrismaClient));
    expect(built(context)).toBe(false);
    const loaders = context.loaders;
    expect(loaders.areaById).toBeDefined();
    expect(context.loaders).toBe(loaders);
    expect(built(context)).toBe(true);
  });

  it('gives every request its own loaders', () => {
    const prisma = {} as PrismaClient;
    expect(createContext(prisma).loaders).not.toBe(createContext(prisma).loaders);
  });
});
