import { ValidationCodeId } from '@ics2/contracts';

/**
 * How the shape layer codes a failed class-validator constraint (by constraint name): a missing mandatory element
 * X01, an unknown element X07, a wrong JSON type X06, too many occurrences X05; anything else (length, range, too
 * few occurrences, integer) is a format error, 12.
 */
export const CODE_OF_CONSTRAINT: Readonly<Record<string, ValidationCodeId>> = {
  isDefined: 'X01',
  whitelistValidation: 'X07',
  unknownValue: 'X06',
  isString: 'X06',
  isNumber: 'X06',
  isObject: 'X06',
  isArray: 'X06',
  nestedValidation: 'X06',
  arrayOfObjects: 'X06',
  arrayOfStrings: 'X06',
  arrayMaxSize: 'X05',
};

export const codeOfConstraint = (name: string): ValidationCodeId => CODE_OF_CONSTRAINT[name] ?? '12';

/** One error per element, the most basic problem: missing, then unknown, then wrong type, then too many, then value. */
export const PRIORITY: readonly ValidationCodeId[] = ['X01', 'X07', 'X06', 'X05', '12'];

/** Nothing is reported below an element that is missing, unknown or of the wrong type. */
export const STOPS_DESCENT: ReadonlySet<ValidationCodeId> = new Set(['X01', 'X07', 'X06']);

/** The `description` of each constraint's error, from its constraint arguments. */
export function describeConstraint(name: string, constraints: readonly unknown[]): string {
  const [limit] = constraints;
  switch (name) {
    case 'isDefined':
      return 'required element missing';
    case 'whitelistValidation':
      return 'element not allowed here';
    case 'isString':
      return 'must be a JSON string';
    case 'isNumber':
      return 'must be a JSON number';
    case 'isObject':
    case 'nestedValidation':
    case 'unknownValue':
      return 'must be a JSON object';
    case 'isArray':
      return 'must be a JSON array';
    case 'maxLength':
      return `must be at most ${String(limit)} characters`;
    case 'isInt':
      return 'must be a whole number';
    case 'min':
      return `must be at least ${String(limit)}`;
    case 'max':
      return `must be at most ${String(limit)}`;
    case 'arrayMinSize':
      return `must occur at least ${String(limit)} times`;
    case 'arrayMaxSize':
      return `must occur at most ${String(limit)} times`;
    default:
      return `incorrect value (${name})`;
  }
}
