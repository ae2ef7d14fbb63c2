import { IsDefined, IsString } from 'class-validator';
import { ErrorList } from './error-list';
import { OptionalNestedArray, OptionalStringArray } from './nested-elements.decorators';
import { checkShape } from './shape';
import { DEFAULT_ARRAY_LIMIT } from './structure-limits.table';

class ElementDto {
  @IsDefined()
  @IsString()
  readonly code!: string;
}

const shapeErrors = (dto: new () => object, body: Record<string, unknown>) => {
  const errors = new ErrorList();
  checkShape(dto, body as never, errors);
  return errors.sorted().map(({ code, pointer }) => ({ code, pointer }));
};

describe('nested-element decorators', () => {
  describe('an array the structure guard does not name', () => {
    class ListDto {
      @OptionalNestedArray(() => ElementDto, 'Elements, 1..3', { min: 1, max: 3 })
      readonly elements?: ElementDto[];

      @OptionalStringArray('Codes, 0..2', { max: 2 }, { maxLength: 3, example: ['A'] })
      readonly codes?: string[];
    }
    const element = { code: 'A' };

    it('is refused by the shape layer over its maximum (X05) and under its minimum (12), from the documented numbers', () => {
      expect(shapeErrors(ListDto, { elements: [element, element, element], codes: ['A', 'B'] })).toEqual([]);
      expect(shapeErrors(ListDto, { elements: [element, element, element, element], codes: ['A', 'B', 'C'] })).toEqual([
        { code: 'X05', pointer: '/codes' },
        { code: 'X05', pointer: '/elements' },
      ]);
      expect(shapeErrors(ListDto, { elements: [] })).toEqual([{ code: '12', pointer: '/elements' }]);
    });

    it('may not be documented above the guard’s default bound: the class cannot be defined', () => {
      expect(() => {
        class TooLongDto {
          @OptionalNestedArray(() => ElementDto, 'Elements', { max: DEFAULT_ARRAY_LIMIT + 1 })
          readonly elements?: ElementDto[];
        }
        return TooLongDto;
      }).toThrow(/TooLongDto\.elements/);
    });
  });

  describe('an array the structure guard names (structure-limits.table.ts)', () => {
    it('must be documented with the guard’s limit, else the class cannot be defined', () => {
      expect(() => {
        class PackagesDto {
          @OptionalNestedArray(() => ElementDto, 'Packages, 0..98', { max: 98 })
          readonly packaging?: ElementDto[];
        }
        return PackagesDto;
      }).toThrow(/PackagesDto\.packaging: documented as at most 98, but the structure guard's limit is 99/);
      expect(() => {
        class PackagesDto {
          @OptionalNestedArray(() => ElementDto, 'Packages, 0..99', { max: 99 })
          readonly packaging?: ElementDto[];
        }
        return PackagesDto;
      }).not.toThrow();
    });
  });
});
