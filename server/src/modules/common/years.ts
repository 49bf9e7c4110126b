import { BadUserInputError } from '../../errors';

/** The years the API accepts anywhere (values, funding, plans, analyses, export, OGC, imports). */
export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

/** For class-validator's @Min/@Max on edit inputs. */
export const YEAR_MESSAGE = `Das Jahr muss zwischen ${MIN_YEAR} und ${MAX_YEAR} liegen.`;

export function checkYear(year: number | undefined | null, argument: string): void {
  if (year === undefined || year === null) return;
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new BadUserInputError(`${argument} must be a year between ${MIN_YEAR} and ${MAX_YEAR}`, argument);
  }
}
