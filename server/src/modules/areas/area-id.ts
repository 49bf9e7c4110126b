import type { Id } from '../../analysis';

/** The API's area id: a database integer. Every analysis row's `areaId` has this type. */
export type AreaId = number;

/** The pure analysis functions take any `Id`; the rows we pass them always carry database integers. */
export function areaIdOf(id: Id): AreaId {
  if (typeof id !== 'number') throw new TypeError(`area id ${String(id)} is not a database id`);
  return id;
}
