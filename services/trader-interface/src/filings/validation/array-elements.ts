import { registerDecorator, ValidationOptions } from 'class-validator';

/**
 * class-validator reports `each` checks of an array on the array as a whole; these two constraints let the
 * shape layer (shape-errors.ts) point at the offending element instead. The names are the constraint keys.
 */
export const ARRAY_OF_OBJECTS = 'arrayOfObjects';
export const ARRAY_OF_STRINGS = 'arrayOfStrings';

export const isElementObject = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every element is an object (not an array, not a primitive). */
export function ArrayOfObjects(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: ARRAY_OF_OBJECTS,
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => Array.isArray(value) && value.every(isElementObject),
        defaultMessage: () => 'every element must be an object',
      },
    });
}

/** Every element is a string of at most `maxLength` characters. */
export function ArrayOfStrings(maxLength: number, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: ARRAY_OF_STRINGS,
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [maxLength],
      options: { ...options, context: { maxLength } },
      validator: {
        validate: (value: unknown) =>
          Array.isArray(value) && value.every((element) => typeof element === 'string' && [...element].length <= maxLength),
        defaultMessage: () => `every element must be a string of at most ${maxLength} characters`,
      },
    });
}

/**
 * Reports each offending element of an array that failed one of the two constraints (X06 for a wrong JSON type,
 * 12 for a string too long) and answers the indexes of elements that are not objects, below which nothing more
 * is reported.
 */
export function reportArrayElements(
  constraint: string,
  value: unknown,
  maxLength: number,
  pointer: string,
  report: (code: 'X06' | '12', pointer: string, description: string) => void,
): Set<string> {
  const notObjects = new Set<string>();
  if (!Array.isArray(value)) return notObjects;
  value.forEach((element: unknown, index) => {
    const at = `${pointer}/${index}`;
    if (constraint === ARRAY_OF_OBJECTS && !isElementObject(element)) {
      notObjects.add(String(index));
      report('X06', at, 'must be a JSON object');
    } else if (constraint === ARRAY_OF_STRINGS && typeof element !== 'string') {
      report('X06', at, 'must be a JSON string');
    } else if (constraint === ARRAY_OF_STRINGS && [...(element as string)].length > maxLength) {
      report('12', at, `must be at most ${maxLength} characters`);
    }
  });
  return notObjects;
}
