import type { PrismaClient } from '@sozialatlas/db';
import type { Request } from 'express';
import { InputError } from '../../input-error';
import { resolveCity, type CityScope } from './city.sql';

/**
 * The city of a download (/export, /ogc): `city` or its German alias `stadt`, a key ("chemnitz")
 * or an AGS ("14511000"); absent: the default city. Unknown: 400 naming the parameter.
 */
export async function cityParam(prisma: PrismaClient, req: Request): Promise<CityScope> {
  const given = (['city', 'stadt'] as const).filter((p) => req.query[p] !== undefined);
  if (given.length > 1) throw InputError.of('city and stadt mean the same: give one of them', 'stadt');
  const name = given[0];
  if (name === undefined) return resolveCity(prisma, undefined);
  const value = req.query[name];
  if (typeof value !== 'string' || !value.trim()) throw InputError.of(`${name} must be a city key or AGS, e.g. ${name}=chemnitz`, name);
  return resolveCity(prisma, value, name);
}
