import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { getMetadataStorage, ValidationArguments } from 'class-validator';

/**
 * The request DTOs' decorators, compiled once per class into a schema the shape layer walks (shape.ts).
 *
 * Why not class-validator's validateSync on every request: it costs about 1 ms for a 1-house filing and 170 ms for
 * a master filing listing 1,000 houses (it recomputes each class's metadata for every object and builds an error
 * object for every property), against a budget of well under 1 ms for 2,000 filings/s on 2 cores. The schema keeps
 * the decorators as the only definition of the shape, and runs class-validator's own constraint functions
 * (isString, maxLength, isInt...) on the values; shape.reference.ts runs plainToInstance + validateSync, and a spec
 * checks that both give the same errors.
 */
export interface Check {
  /** The constraint's name ('isString', 'maxLength', 'arrayOfObjects'...): the key of shape-codes.table.ts. */
  readonly name: string;
  readonly constraints: readonly unknown[];
  readonly passes: (value: unknown) => boolean;
}

export interface PropertySchema {
  readonly name: string;
  readonly required: boolean;
  readonly checks: readonly Check[];
  /** @ValidateNested: the element's schema, for one object or (`each`) for every element of an array. */
  readonly nested?: { readonly each: boolean; readonly schema: () => DtoSchema };
}

export interface DtoSchema {
  readonly dto: string;
  readonly properties: readonly PropertySchema[];
  readonly byName: ReadonlyMap<string, PropertySchema>;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- class-validator's own type for a class
type DtoClass = Function;
type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

const compiled = new Map<DtoClass, DtoSchema>();

/**
 * Plain-JavaScript equivalents of class-validator's most used constraints, on the values a JSON body can hold
 * after the structure guard (finite numbers, no null): the same answers without class-validator's per-call
 * wrappers. Any other constraint runs class-validator's own function, and so does maxLength for a string longer in
 * UTF-16 units than the limit (validator.js counts characters: a shorter string is within the limit anyway).
 */
type Test = (value: unknown) => boolean;
const FAST_EQUIVALENTS: Readonly<Record<string, (constraints: readonly unknown[], original: Test) => Test>> = {
  isString: () => (value) => typeof value === 'string',
  isNumber: () => (value) => typeof value === 'number' && Number.isFinite(value),
  isInt: () => (value) => Number.isInteger(value),
  isArray: () => (value) => Array.isArray(value),
  isObject: () => (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  min: ([limit]) => (value) => typeof value === 'number' && value >= Number(limit),
  max: ([limit]) => (value) => typeof value === 'number' && value <= Number(limit),
  arrayMinSize: ([limit]) => (value) => Array.isArray(value) && value.length >= Number(limit),
  arrayMaxSize: ([limit]) => (value) => Array.isArray(value) && value.length <= Number(limit),
  maxLength: ([limit], original) => (value) => (typeof value === 'string' && value.length <= Number(limit)) || original(value),
};

/** The schema of a DTO class, compiled on first use and cached for the life of the process. */
export function schemaOf(dto: DtoClass): DtoSchema {
  let schema = compiled.get(dto);
  if (!schema) {
    schema = compile(dto);
    compiled.set(dto, schema);
  }
  return schema;
}

function compile(dto: DtoClass): DtoSchema {
  const storage = getMetadataStorage();
  const byProperty = storage.groupByPropertyName(storage.getTargetValidationMetadatas(dto, '', true, false));
  const properties = Object.entries(byProperty).map(([name, metadatas]) => compileProperty(dto, name, metadatas));
  return { dto: dto.name, properties, byName: new Map(properties.map((property) => [property.name, property])) };
}

function compileProperty(dto: DtoClass, name: string, metadatas: readonly ValidationMetadata[]): PropertySchema {
  const storage = getMetadataStorage();
  const required = metadatas.some((metadata) => metadata.type === 'isDefined');
  const optional = metadatas.some((metadata) => metadata.type === 'conditionalValidation');
  if (required === optional) {
    throw new Error(`${dto.name}.${name}: every request DTO property is either @IsDefined() or @IsOptional()`);
  }
  const checks: Check[] = metadatas
    .filter((metadata) => metadata.type === 'customValidation')
    .map((metadata) => {
      const [constraint] = storage.getTargetValidatorConstraints(metadata.constraintCls);
      const args: ValidationArguments = {
        targetName: dto.name,
        property: name,
        object: {},
        value: undefined,
        constraints: metadata.constraints ?? [],
      };
      const instance = constraint.instance as { validate(value: unknown, args: ValidationArguments): boolean };
      const constraintName = metadata.name ?? constraint.name;
      const original = (value: unknown) => instance.validate(value, args);
      const test = FAST_EQUIVALENTS[constraintName]?.(metadata.constraints ?? [], original) ?? original;
      return {
        name: constraintName,
        constraints: metadata.constraints ?? [],
        passes: metadata.each ? (value: unknown) => (Array.isArray(value) ? value.every(test) : test(value)) : test,
      };
    });
  const nestedMetadata = metadatas.find((metadata) => metadata.type === 'nestedValidation');
  if (!nestedMetadata) return { name, required, checks };
  const type = defaultMetadataStorage.findTypeMetadata(dto, name);
  if (!type?.typeFunction) throw new Error(`${dto.name}.${name}: @ValidateNested() needs @Type(() => ElementDto)`);
  const element = type.typeFunction() as DtoClass;
  return { name, required, checks, nested: { each: nestedMetadata.each, schema: () => schemaOf(element) } };
}
