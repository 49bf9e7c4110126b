import { InputError, problem } from '../input-error';

/**
 * The one error the analysis functions throw: the caller passed inputs that no method can work on
 * (negative population, duplicate ids, weights that do not add up, …). Missing or suppressed values
 * are NOT errors: they propagate as `null` with a reason.
 */
export class AnalysisInputError extends InputError {
  override name = 'AnalysisInputError';
  constructor(
    message: string,
    /** the input field at fault, e.g. `indicators[2].weight`; `input` when the whole input is at fault */
    field = 'input',
  ) {
    super([problem(field, 'INVALID', message)], field === 'input' ? message : `${field}: ${message}`);
  }
}

export function assertFinite(value: unknown, field: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new AnalysisInputError(`must be a finite number, got ${String(value)}`, field);
  }
}

export function assertNonNegative(value: unknown, field: string): asserts value is number {
  assertFinite(value, field);
  if (value < 0) throw new AnalysisInputError(`must be ≥ 0, got ${value}`, field);
}

export function assertPositive(value: unknown, field: string): asserts value is number {
  assertFinite(value, field);
  if (value <= 0) throw new AnalysisInputError(`must be > 0, got ${value}`, field);
}

export function assertInteger(value: unknown, field: string, min = -Infinity): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new AnalysisInputError(`must be an integer ≥ ${min}, got ${String(value)}`, field);
  }
}

/** Finite number or null (null = missing; NaN/Infinity are input errors, not missing values). */
export function assertNullableFinite(value: unknown, field: string): asserts value is number | null {
  if (value === null) return;
  assertFinite(value, field);
}

export function assertUnique<T>(items: readonly T[], key: (item: T) => string, what: string): void {
  const seen = new Set<string>();
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) throw new AnalysisInputError(`duplicate ${what} ${k}`);
    seen.add(k);
  }
}
