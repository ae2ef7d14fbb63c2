import { ValidationCodeId } from '@ics2/contracts';
import { ClassConstructor, plainToInstance } from 'class-transformer';
import { ValidationError, validateSync, ValidatorOptions } from 'class-validator';
import { ARRAY_OF_OBJECTS, ARRAY_OF_STRINGS, reportArrayElements } from './array-elements';
import { ErrorList } from './error-list';
import { childPointer } from './json-pointer';
import { codeOfConstraint, PRIORITY, STOPS_DESCENT } from './shape-codes.table';
import { JsonObject } from './structure-guard';

/**
 * The shape layer done the textbook way: class-transformer's plainToInstance (no implicit conversion) then
 * class-validator's validateSync, whitelisting, with class-validator's error tree mapped to JSON pointers (an
 * array's index is the property name of its element's error). It is the reference the fast path (shape.ts) is
 * checked against, and too slow for the door itself (see shape-schema.ts).
 */
const VALIDATOR_OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: true },
};

export function checkShapeByClassValidator<T extends object>(dto: ClassConstructor<T>, body: JsonObject, errors: ErrorList): void {
  const instance = plainToInstance(dto, body, { enableImplicitConversion: false, exposeDefaultValues: false });
  mapErrors(validateSync(instance, VALIDATOR_OPTIONS), '', errors);
}

const ELEMENT_CONSTRAINTS: ReadonlySet<string> = new Set([ARRAY_OF_OBJECTS, ARRAY_OF_STRINGS]);

function mapErrors(found: readonly ValidationError[], base: string, errors: ErrorList): void {
  for (const error of found) {
    if (errors.full) return;
    const pointer = error.property === undefined ? base : childPointer(base, error.property);
    const constraints = error.constraints ?? {};
    let chosen: { code: ValidationCodeId; key: string } | undefined;
    for (const key of Object.keys(constraints)) {
      if (ELEMENT_CONSTRAINTS.has(key)) continue;
      const code = codeOfConstraint(key);
      if (!chosen || PRIORITY.indexOf(code) < PRIORITY.indexOf(chosen.code)) chosen = { code, key };
    }
    if (chosen) errors.add(chosen.code, pointer, constraints[chosen.key]);
    if (chosen && STOPS_DESCENT.has(chosen.code)) continue;
    const skipped = new Set<string>();
    for (const key of Object.keys(constraints).filter((name) => ELEMENT_CONSTRAINTS.has(name))) {
      const maxLength = Number((error.contexts?.[key] as { maxLength?: number } | undefined)?.maxLength);
      const report = (code: 'X06' | '12', at: string, text: string) => errors.add(code, at, text);
      for (const index of reportArrayElements(key, error.value, maxLength, pointer, report)) skipped.add(index);
    }
    const children = (error.children ?? []).filter((child) => !skipped.has(String(child.property)));
    if (children.length > 0) mapErrors(children, pointer, errors);
  }
}
