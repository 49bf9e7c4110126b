import { GraphQLScalarType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { checkArguments, inputGuard } from './http/input-guard';

// type-graphql calls every field resolver through a generic wrapper: it looks up the resolver
// instance, sorts the parameter list, copies the parent object into a new instance of its class
// (`@Root()`), and with a middleware runs an async chain of several promises. For the per-row field
// resolvers (Service.provider, Location.area, Area.value, Service.fundings, …) that was a large part
// of a nested query's CPU and garbage. Where a field resolver needs nothing of it (no role, no
// middleware other than the input guard, parameters that are the parent, the context, the info or
// scalar arguments) it is called directly with the same parameters. Everything else keeps
// type-graphql's own wrapper.

type Param = {
  kind: string;
  index: number;
  propertyName?: string;
  name?: string;
  getType?: () => unknown;
};

const SCALARS: unknown[] = [String, Number, Boolean, Date];
const isScalar = (type: unknown) => SCALARS.includes(type) || type instanceof GraphQLScalarType;

/** An `@Args()` class whose fields are scalars under their own names: the plain arguments object reads the same. */
function plainArgsClass(target: unknown): boolean {
  const argsType = getMetadataStorage().argumentTypes.find((t) => t.target === target);
  if (!argsType) return false;
  // inherited fields (PageArgs) would be looked up on the parent classes: not needed by the hot paths
  if (Object.getPrototypeOf(target) !== Function.prototype) return false;
  return (argsType.fields ?? []).every((f) => f.name === f.schemaName && isScalar(f.getType()));
}

/** Arguments of the resolver method for one call, or undefined when a parameter needs type-graphql. */
function paramReader(params: Param[]): ((root: unknown, args: Record<string, unknown>, ctx: unknown, info: unknown) => unknown[]) | undefined {
  const sorted = [...params].sort((a, b) => a.index - b.index);
  const readers: ((root: unknown, args: Record<string, unknown>, ctx: unknown, info: unknown) => unknown)[] = [];
  for (const p of sorted) {
    if (p.kind === 'root' && !p.propertyName) readers.push((root) => root);
    else if (p.kind === 'context' && !p.propertyName) readers.push((_r, _a, ctx) => ctx);
    else if (p.kind === 'info') readers.push((_r, _a, _c, info) => info);
    else if (p.kind === 'arg' && p.name && isScalar(p.getType?.())) {
      const name = p.name;
      readers.push((_r, args) => args[name]);
    } else if (p.kind === 'args' && plainArgsClass(p.getType?.())) readers.push((_r, args) => args);
    else return undefined;
  }
  return (root, args, ctx, info) => readers.map((read) => read(root, args, ctx, info));
}

/** Replaces type-graphql's wrapper of the eligible field resolvers in the built schema; returns their names. */
export function directFieldResolvers(schema: GraphQLSchema): string[] {
  const storage = getMetadataStorage();
  const instances = new Map<object, Record<string, (...params: unknown[]) => unknown>>();
  const replaced: string[] = [];
  for (const def of storage.fieldResolvers) {
    if (def.kind !== 'external' || def.roles || !def.params) continue;
    const middlewares = def.middlewares ?? [];
    const guarded = middlewares.length === 1 && middlewares[0] === inputGuard;
    if (middlewares.length > 0 && !guarded) continue;
    const objectClass = def.getObjectType?.();
    const typeName = storage.objectTypes.find((t) => t.target === objectClass)?.name;
    const type = typeName ? schema.getType(typeName) : undefined;
    const field = isObjectType(type) ? type.getFields()[def.schemaName] : undefined;
    if (!field) continue;
    const read = paramReader(def.params as Param[]);
    if (!read) continue;
    let instance = instances.get(def.target);
    if (!instance) {
      instance = new (def.target as new () => Record<string, (...params: unknown[]) => unknown>)();
      instances.set(def.target, instance);
    }
    const target = instance;
    const method = target[def.methodName]!;
    const resolve: GraphQLFieldResolver<unknown, unknown> = guarded
      ? (root, args, ctx, info) => {
          checkArguments(args);
          return method.apply(target, read(root, args, ctx, info));
        }
      : (root, args, ctx, info) => method.apply(target, read(root, args, ctx, info));
    field.resolve = resolve;
    replaced.push(`${typeName}.${def.schemaName}`);
  }
  return replaced;
}
