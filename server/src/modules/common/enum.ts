/**
 * A GraphQL enum object built from a const list of the pure analysis layer, so each value is written
 * once: `registerEnumType(enumFrom(LIST), …)`; name and value are the same string.
 */
export function enumFrom<const T extends string>(values: readonly T[]): { readonly [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { readonly [K in T]: K };
}
