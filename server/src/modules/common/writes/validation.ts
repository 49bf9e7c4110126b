import { validate, type ValidationError as ClassValidatorError } from 'class-validator';
import { InputError, problem, type FieldProblem } from '../../../input-error';

export { problem, type FieldProblem };

/** Invalid input for an edit: an InputError whose message asks to check the inputs (Eingaben prüfen). */
export class InputValidationError extends InputError {
  constructor(problems: FieldProblem[]) {
    super(problems, `Eingaben prüfen: ${problems.map((p) => p.message).join(' ')}`);
  }
}

/** class-validator constraint names → our stable codes. */
const REASONS: Record<string, string> = {
  isNotEmpty: 'REQUIRED',
  maxLength: 'TOO_LONG',
  minLength: 'TOO_SHORT',
  min: 'OUT_OF_RANGE',
  max: 'OUT_OF_RANGE',
  isInt: 'INVALID_FORMAT',
  isEmail: 'INVALID_FORMAT',
  isUrl: 'INVALID_FORMAT',
  matches: 'INVALID_FORMAT',
  isDateString: 'INVALID_FORMAT',
  isISO8601: 'INVALID_FORMAT',
  arrayMinSize: 'REQUIRED',
  arrayMaxSize: 'TOO_LONG',
};

function flatten(errors: ClassValidatorError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([name, message]) => problem(field, REASONS[name] ?? 'INVALID', message));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Runs the class-validator rules of an input object plus extra checks; throws all problems together. */
export async function checkInput(input: object, extra: (FieldProblem | null | undefined | false)[] = []): Promise<void> {
  // Plain objects carry no rules (class-validator would refuse them as unknown values).
  const rules = Object.getPrototypeOf(input) === Object.prototype ? [] : flatten(await validate(input, { skipMissingProperties: true }));
  const all = [...rules, ...extra.filter((p): p is FieldProblem => !!p)];
  const seen = new Set<string>();
  const problems = all.filter((p) => !seen.has(`${p.field}:${p.reason}`) && seen.add(`${p.field}:${p.reason}`));
  if (problems.length) throw new InputValidationError(problems);
}
