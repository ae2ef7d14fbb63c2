import { ValidationCodeId } from '@ics2/contracts';
import { ARRAY_OF_OBJECTS, ARRAY_OF_STRINGS, isElementObject, reportArrayElements } from './array-elements';
import { ErrorList } from './error-list';
import { childPath, Path, pointerOfPath } from './json-pointer';
import { codeOfConstraint, describeConstraint, PRIORITY, STOPS_DESCENT } from './shape-codes.table';
import { DtoSchema, PropertySchema, schemaOf } from './shape-schema';
import { JsonObject, JsonValue } from './structure-guard';

/**
 * Layer b: the body against the request DTOs (`*.request.dto.ts`), read through their compiled schema
 * (shape-schema.ts), with the semantics of class-transformer's plainToInstance without implicit conversion (a "12"
 * where a number is expected is refused, never coerced) followed by class-validator's validateSync with
 * `whitelist: true, forbidNonWhitelisted: true` (shape.reference.ts does exactly that; a spec compares the two).
 *
 * Codes (shape-codes.table.ts): missing X01, unknown X07, wrong JSON type X06, too many X05, otherwise 12. One
 * error per element, and nothing below an element that is missing, unknown or of the wrong type.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- any DTO class
export function checkShape(dto: Function, body: JsonObject, errors: ErrorList): void {
  checkObject(schemaOf(dto), body, undefined, errors);
}

function checkObject(schema: DtoSchema, object: JsonObject, path: Path, errors: ErrorList): void {
  for (const key in object) {
    if (!schema.byName.has(key)) errors.add('X07', pointerOfPath(childPath(path, key)), describeConstraint('whitelistValidation', []));
  }
  for (const property of schema.properties) {
    if (errors.full) return;
    const value = object[property.name];
    if (value !== undefined) checkProperty(property, value, path, errors);
    else if (property.required) errors.add('X01', pointerOfPath(childPath(path, property.name)), describeConstraint('isDefined', []));
  }
}

/** `parent` is the path of the object the property belongs to: the property's own is made only when needed. */
function checkProperty(property: PropertySchema, value: JsonValue, parent: Path, errors: ErrorList): void {
  let chosen: { code: ValidationCodeId; name: string; constraints: readonly unknown[] } | undefined;
  let elementChecks: { name: string; maxLength: number }[] | undefined;
  for (const check of property.checks) {
    if (check.passes(value)) continue;
    if (check.name === ARRAY_OF_OBJECTS || check.name === ARRAY_OF_STRINGS) {
      (elementChecks ??= []).push({ name: check.name, maxLength: Number(check.constraints[0]) });
      continue;
    }
    const code = codeOfConstraint(check.name);
    if (!chosen || PRIORITY.indexOf(code) < PRIORITY.indexOf(chosen.code)) {
      chosen = { code, name: check.name, constraints: check.constraints };
    }
  }
  if (!chosen && !elementChecks && !property.nested) return;
  const path = childPath(parent, property.name);
  if (chosen) {
    errors.add(chosen.code, pointerOfPath(path), describeConstraint(chosen.name, chosen.constraints));
    if (STOPS_DESCENT.has(chosen.code)) return;
  }
  let notObjects: Set<string> | undefined;
  for (const { name, maxLength } of elementChecks ?? []) {
    const report = (code: 'X06' | '12', at: string, text: string) => errors.add(code, at, text);
    for (const index of reportArrayElements(name, value, maxLength, pointerOfPath(path), report)) (notObjects ??= new Set()).add(index);
  }
  if (property.nested) checkNested(property.nested.schema(), value, path, notObjects, errors);
}

/** Like class-validator's nested validation: an object is checked, an array element by element. */
function checkNested(
  schema: DtoSchema,
  value: JsonValue,
  path: Path,
  skipped: ReadonlySet<string> | undefined,
  errors: ErrorList,
): void {
  if (!Array.isArray(value)) {
    if (isElementObject(value)) checkObject(schema, value as JsonObject, path, errors);
    else errors.add('X06', pointerOfPath(path), describeConstraint('nestedValidation', []));
    return;
  }
  for (let index = 0; index < value.length && !errors.full; index += 1) {
    if (skipped?.has(String(index))) continue;
    const element = value[index];
    if (isElementObject(element)) checkObject(schema, element as JsonObject, childPath(path, index), errors);
    else errors.add('X06', pointerOfPath(childPath(path, index)), describeConstraint('nestedValidation', []));
  }
}
