import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type, type ClassConstructor } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { ArrayOfObjects, ArrayOfStrings } from './array-elements';
import { ARRAY_LIMITS, DEFAULT_ARRAY_LIMIT } from './structure-limits.table';

/**
 * The decorator stacks of the request DTOs' elements that hold other elements: a nested object, an array of
 * nested objects, an array of strings. Each composite writes the OpenAPI schema and the validation from the same
 * arguments, so that what the document says (minItems, maxItems) is what the door enforces: the shape layer
 * checks ArrayMinSize and ArrayMaxSize from the same numbers (X05 over the maximum, shape-codes.table.ts).
 *
 * The structure guard bounds arrays first, by element name (structure-limits.table.ts), so for an element the
 * table names it is the guard that answers X05; its limit must be the documented maximum, which each array
 * composite checks when its class is defined (a mismatch throws at start-up, never at a request).
 */

/** How many occurrences an array may have: at least `min` (when given), at most `max`. */
export interface Cardinality {
  readonly min?: number;
  readonly max: number;
}

/** A nested element's DTO class, given lazily since DTOs name each other before they are all defined. */
export type ElementDto = () => ClassConstructor<object>;

/** A mandatory nested object. */
export function NestedObject(type: ElementDto, description: string): PropertyDecorator {
  return stack(ApiProperty(documented(description, type)), IsDefined(), IsObject(), ValidateNested(), Type(type));
}

/** An optional nested object. */
export function OptionalNestedObject(type: ElementDto, description: string): PropertyDecorator {
  return stack(ApiPropertyOptional(documented(description, type)), IsOptional(), IsObject(), ValidateNested(), Type(type));
}

/** A mandatory array of nested objects, each element an object of `type`. */
export function NestedArray(type: ElementDto, description: string, cardinality: Cardinality): PropertyDecorator {
  const documentation = ApiProperty(arrayDocumentation(documented(description, type), cardinality));
  return objectArray(documentation, IsDefined(), type, cardinality);
}

/** An optional array of nested objects, each element an object of `type`. */
export function OptionalNestedArray(type: ElementDto, description: string, cardinality: Cardinality): PropertyDecorator {
  const documentation = ApiPropertyOptional(arrayDocumentation(documented(description, type), cardinality));
  return objectArray(documentation, IsOptional(), type, cardinality);
}

/** What the document shows of a string array's elements: their length, an example, the code list if it is small. */
export interface StringElements {
  readonly maxLength: number;
  readonly example: readonly string[];
  readonly enum?: readonly string[];
}

/** A mandatory array of strings. */
export function StringArray(description: string, cardinality: Cardinality, elements: StringElements): PropertyDecorator {
  const documentation = ApiProperty(stringArrayDocumentation(description, cardinality, elements));
  return stringArray(documentation, IsDefined(), cardinality, elements);
}

/** An optional array of strings. */
export function OptionalStringArray(description: string, cardinality: Cardinality, elements: StringElements): PropertyDecorator {
  const documentation = ApiPropertyOptional(stringArrayDocumentation(description, cardinality, elements));
  return stringArray(documentation, IsOptional(), cardinality, elements);
}

function objectArray(
  documentation: PropertyDecorator,
  presence: PropertyDecorator,
  type: ElementDto,
  cardinality: Cardinality,
): PropertyDecorator {
  const elements = [IsArray(), ArrayOfObjects(), ...occurrences(cardinality), ValidateNested({ each: true }), Type(type)];
  return guardedArray(cardinality, stack(documentation, presence, ...elements));
}

function stringArray(
  documentation: PropertyDecorator,
  presence: PropertyDecorator,
  cardinality: Cardinality,
  { maxLength }: StringElements,
): PropertyDecorator {
  const elements = [IsArray(), ArrayOfStrings(maxLength), ...occurrences(cardinality)];
  return guardedArray(cardinality, stack(documentation, presence, ...elements));
}

/**
 * The OpenAPI options naming a nested element's DTO. @nestjs/swagger reads `type` as a lazy reference only when the
 * function is itself named `type`, as `type: () => X` written in an options object is, so one is made here.
 */
function documented(description: string, element: ElementDto): { description: string; type: ElementDto } {
  return { description, type: () => element() };
}

/** The OpenAPI options of an array, in the order the hand-written stacks gave them (the document keeps it). */
function arrayDocumentation(element: { description: string; type: ElementDto }, cardinality: Cardinality): ApiPropertyOptions {
  return { ...element, isArray: true, ...items(cardinality) };
}

function stringArrayDocumentation(description: string, cardinality: Cardinality, elements: StringElements): ApiPropertyOptions {
  const values = elements.enum === undefined ? { type: String } : { enum: [...elements.enum] };
  return { description, example: [...elements.example], isArray: true, ...values, ...items(cardinality) };
}

const items = ({ min, max }: Cardinality) => ({ ...(min === undefined ? {} : { minItems: min }), maxItems: max });

/** The enforcement of the cardinality, in the shape layer: too few is 12, too many X05 (shape-codes.table.ts). */
function occurrences({ min, max }: Cardinality): PropertyDecorator[] {
  return [...(min === undefined ? [] : [ArrayMinSize(min)]), ArrayMaxSize(max)];
}

/**
 * Refuses, when the DTO class is defined, an array whose documented maximum is not the structure guard's limit for
 * its element name (or, for a name the table does not list, is above the guard's default bound): the guard would
 * answer X05 with another limit than the one documented.
 */
function guardedArray(cardinality: Cardinality, decorator: PropertyDecorator): PropertyDecorator {
  return (target: object, propertyKey: string | symbol) => {
    const name = String(propertyKey);
    const listed = Object.hasOwn(ARRAY_LIMITS, name);
    const limit = listed ? ARRAY_LIMITS[name] : DEFAULT_ARRAY_LIMIT;
    if (listed ? limit !== cardinality.max : limit < cardinality.max) {
      const where = `${target.constructor.name}.${name}`;
      throw new Error(`${where}: documented as at most ${cardinality.max}, but the structure guard's limit is ${limit}`);
    }
    decorator(target, propertyKey);
  };
}

/**
 * The decorators as they would be written above a property, top to bottom. TypeScript applies a written stack
 * bottom-up, so they are applied in that order: the metadata (the shape layer's order of checks) is the same.
 */
function stack(...decorators: PropertyDecorator[]): PropertyDecorator {
  return applyDecorators(...decorators.reverse());
}
