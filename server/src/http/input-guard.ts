import { getMetadataStorage, UseMiddleware, type MiddlewareFn } from 'type-graphql';
import { BadUserInputError } from '../errors';

/** Longest text a filter accepts (names are at most 200 characters, so a longer one matches nothing). */
export const MAX_FILTER_TEXT = 200;

function check(value: unknown, path: string, inFilter: boolean): void {
  if (typeof value === 'string') {
    const nul = value.indexOf('\u0000');
    if (nul >= 0) {
      const line = value.slice(0, nul).split('\n').length;
      throw new BadUserInputError(
        `„${path}“ enthält ein NUL-Zeichen (Zeile ${line}); solche Steuerzeichen sind in Texten nicht erlaubt. (${path} contains a NUL byte, line ${line})`,
        path,
      );
    }
    if (inFilter && value.length > MAX_FILTER_TEXT) {
      throw new BadUserInputError(
        `Der Filtertext „${path}“ ist ${value.length} Zeichen lang; höchstens ${MAX_FILTER_TEXT} sind erlaubt. (filter text ${path} longer than ${MAX_FILTER_TEXT} characters)`,
        path,
      );
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => check(item, `${path}[${i}]`, inFilter));
    return;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) check(item, `${path}.${key}`, inFilter);
  }
}

/**
 * Checks every argument of every field before its resolver runs: no NUL bytes anywhere (PostgreSQL
 * text cannot hold them; they used to surface as internal errors), and filter texts of bounded
 * length (a 190 kB `nameContains` kept the database busy for a minute).
 */
export const inputGuard: MiddlewareFn = ({ args }, next) => {
  checkArguments(args);
  return next();
};

/** The guard's check alone (synchronous): throws BAD_USER_INPUT for the first bad argument. */
export function checkArguments(args: Record<string, unknown> | undefined): void {
  for (const [name, value] of Object.entries(args ?? {})) check(value, name, name === 'filter');
}

let guarded = false;

/**
 * Puts `inputGuard` on exactly the resolvers (queries, mutations, field resolvers) that take
 * arguments, as `@UseMiddleware(inputGuard)` on each would. A global middleware would also wrap
 * every plain field (`id`, `name`, …): type-graphql then runs each of them through its async
 * middleware chain, several promises per field and row (measured: most of the nested queries'
 * CPU). Fields without arguments have nothing to check. The order stays: `@Authorized` first,
 * then the guard, then the resolver. Call before `buildSchema`.
 */
export function guardResolversWithArguments(): void {
  if (guarded) return;
  guarded = true;
  const methods = new Map<object, Set<string>>();
  for (const param of getMetadataStorage().params) {
    if (param.kind !== 'arg' && param.kind !== 'args' && !(param.kind === 'custom' && param.options.arg)) continue;
    const names = methods.get(param.target) ?? new Set<string>();
    names.add(param.methodName);
    methods.set(param.target, names);
  }
  for (const [target, names] of methods) {
    for (const name of names) UseMiddleware(inputGuard)((target as { prototype: object }).prototype, name);
  }
}
