import fc from 'fast-check';
import { ArrivalNotificationRequestDto } from './arrival-notification.request.dto';
import { EnsFilingRequestDto } from './ens-filing.request.dto';
import { ErrorList } from './error-list';
import { InvalidationRequestDto } from './invalidation.request.dto';
import { MALFORMED_FILINGS } from './malformed-filings.test-harness';
import { checkShape } from './shape';
import { checkShapeByClassValidator } from './shape.reference';
import { guardStructure } from './structure-guard';
import { applyMutation, jsonMutation, junk, mutation } from './validation-properties.test-harness';
import { arrivalByMeans, arrivalByMasterDocuments, arrivalByMrns, VALID_FILINGS } from './validation-fixtures.test-harness';

type Dto = typeof EnsFilingRequestDto | typeof ArrivalNotificationRequestDto | typeof InvalidationRequestDto;

/** The { code, pointer } pairs each shape check finds in a body that passes the structure guard. */
function bothWays(dto: Dto, body: unknown) {
  const guardErrors = new ErrorList();
  const guarded = guardStructure(body, guardErrors);
  if (!guarded) return undefined;
  const fast = new ErrorList();
  checkShape(dto, guarded.body, fast);
  const reference = new ErrorList();
  checkShapeByClassValidator(dto as new () => object, guarded.body, reference);
  const pairs = (list: ErrorList) => list.sorted().map(({ code, pointer }) => `${code} ${pointer}`);
  return { fast: pairs(fast), reference: pairs(reference) };
}

describe('shape (layer b)', () => {
  describe('the compiled schema and class-validator (plainToInstance + validateSync, whitelisting)', () => {
    it('agree on every valid fixture: no error', () => {
      for (const fixture of Object.values(VALID_FILINGS)) expect(bothWays(EnsFilingRequestDto, fixture())).toEqual({ fast: [], reference: [] });
      for (const fixture of [arrivalByMrns, arrivalByMeans, arrivalByMasterDocuments]) {
        expect(bothWays(ArrivalNotificationRequestDto, fixture())).toEqual({ fast: [], reference: [] });
      }
    });

    it('agree on every malformed filing of the table', () => {
      for (const row of MALFORMED_FILINGS) {
        const outcome = bothWays(EnsFilingRequestDto, row.body());
        if (outcome) expect([row.name, outcome.fast]).toEqual([row.name, outcome.reference]);
      }
    });

    it('agree on random mutations of valid filings', () => {
      const fixtures = Object.values(VALID_FILINGS);
      fc.assert(
        fc.property(fc.nat({ max: fixtures.length - 1 }), fc.array(fc.oneof(mutation, jsonMutation), { minLength: 1, maxLength: 4 }), (which, changes) => {
          const body = fixtures[which]() as unknown as Record<string, unknown>;
          for (const change of changes) applyMutation(body, change);
          const outcome = bothWays(EnsFilingRequestDto, body);
          if (outcome) expect(outcome.fast).toEqual(outcome.reference);
        }),
        { numRuns: 1_000 },
      );
    });

    it('agree on random arrival notifications and invalidations', () => {
      fc.assert(
        fc.property(fc.constantFrom(arrivalByMrns, arrivalByMeans, arrivalByMasterDocuments), mutation, (fixture, change) => {
          const body = fixture() as unknown as Record<string, unknown>;
          applyMutation(body, change);
          const outcome = bothWays(ArrivalNotificationRequestDto, body);
          if (outcome) expect(outcome.fast).toEqual(outcome.reference);
        }),
        { numRuns: 300 },
      );
      fc.assert(
        fc.property(fc.dictionary(fc.constantFrom('reason', 'note', 'mrn'), junk, { maxKeys: 2 }), (body) => {
          const outcome = bothWays(InvalidationRequestDto, body);
          if (outcome) expect(outcome.fast).toEqual(outcome.reference);
        }),
        { numRuns: 300 },
      );
    });
  });

  it('refuses a number sent as a string, and a string sent as a number, instead of converting them', () => {
    const errors = new ErrorList();
    checkShape(InvalidationRequestDto, { reason: 12 }, errors);
    expect(errors.sorted()).toEqual([{ code: 'X06', pointer: '/reason', description: expect.any(String) }]);
  });
});
