/** One problem with one input field, in words a planner understands, and a stable code for clients. */
export interface FieldProblem {
  field: string;
  /** stable code, e.g. REQUIRED, TOO_LONG, OUT_OF_RANGE, INVALID_FORMAT, UNKNOWN_REFERENCE, DUPLICATE, INVALID */
  reason: string;
  message: string;
}

export const problem = (field: string, reason: string, message: string): FieldProblem => ({ field, reason, message });

/**
 * The one error for bad input, whatever the transport: it lists every problem at once. GraphQL
 * answers BAD_USER_INPUT with `argument`, `reason` and `problems` (http/graphql.ts), the OGC API
 * 400 InvalidParameterValue (ogc.router.ts), the export 400 with `parameter` (export.router.ts).
 * It depends on nothing, so the pure analysis layer throws it too.
 */
export class InputError extends Error {
  override name = 'InputError';
  readonly problems: readonly FieldProblem[];

  constructor(problems: readonly FieldProblem[], message = problems.map((p) => p.message).join(' ')) {
    super(message);
    if (problems.length === 0) throw new TypeError('an InputError needs at least one problem');
    this.problems = problems;
  }

  /** A single problem; `reason` defaults to INVALID. */
  static of(message: string, field: string, reason = 'INVALID'): InputError {
    return new InputError([problem(field, reason, message)]);
  }

  /** The first field at fault (the `argument`/`parameter` of the answers). */
  get field(): string {
    return this.problems[0]!.field;
  }
}
