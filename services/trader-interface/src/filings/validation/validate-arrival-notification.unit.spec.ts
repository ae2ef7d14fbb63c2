import { ValidationCodeId } from '@ics2/contracts';
import { formatMrn } from '@ics2/domain';
import fc from 'fast-check';
import { validateArrivalNotification } from './validate-arrival-notification';
import { applyMutation, expectWellFormedAnswer, jsonMutation, junk, mutation } from './validation-properties.test-harness';
import {
  arrivalByMasterDocuments,
  arrivalByMeans,
  arrivalByMrns,
  edited,
  Edit,
  ENS_MRN,
  remove,
  SENDER,
  set,
} from './validation-fixtures.test-harness';

const context = { sender: SENDER };
const ARRIVALS = { 'by MRN list': arrivalByMrns, 'by means of transport': arrivalByMeans, 'by master documents': arrivalByMasterDocuments };

const cases: readonly [string, () => object, readonly Edit[], ValidationCodeId, string][] = [
  ['no way of matching', arrivalByMrns, [remove('/mrns')], 'X01', ''],
  ['two ways of matching', arrivalByMrns, [set('/masterTransportDocuments', [{ documentNumber: '020-1' }])], '12', '/masterTransportDocuments'],
  ['three ways of matching', arrivalByMeans, [set('/mrns', [ENS_MRN]), set('/masterTransportDocuments', [{ documentNumber: '020-1' }])], '12', '/activeBorderTransportMeans'],
  ['an empty MRN list', arrivalByMrns, [set('/mrns', [])], '12', '/mrns'],
  ['an MRN with a wrong check digit', arrivalByMrns, [set('/mrns/1', `${ENS_MRN.slice(0, 17)}${(Number(ENS_MRN[17]) + 1) % 10}`)], '12', '/mrns/1'],
  ['an MRN that is a number', arrivalByMrns, [set('/mrns/0', 25)], 'X06', '/mrns/0'],
  ['an MRN of 19 characters', arrivalByMrns, [set('/mrns/0', `${ENS_MRN}0`)], '12', '/mrns/0'],
  ['the MRN of an arrival, not of an ENS', arrivalByMrns, [set('/mrns/0', formatMrn({ year: 2025, memberState: 'DE', serial: 1n, procedure: 'N' }))], '12', '/mrns/0'],
  ['the same MRN twice', arrivalByMrns, [set('/mrns/1', ENS_MRN)], '12', '/mrns/1'],
  ['10,000 MRNs', arrivalByMrns, [set('/mrns', Array.from({ length: 10_000 }, () => ENS_MRN))], 'X05', '/mrns'],
  ['a means of transport without identification', arrivalByMeans, [remove('/activeBorderTransportMeans/conveyanceReferenceNumber')], 'X01', '/activeBorderTransportMeans/identificationNumber'],
  ['a means of transport without estimated arrival', arrivalByMeans, [remove('/activeBorderTransportMeans/estimatedDateAndTimeOfArrival')], 'X01', '/activeBorderTransportMeans/estimatedDateAndTimeOfArrival'],
  ['an estimated arrival with an offset', arrivalByMeans, [set('/activeBorderTransportMeans/estimatedDateAndTimeOfArrival', '2025-03-02T07:05:00+01:00')], '12', '/activeBorderTransportMeans/estimatedDateAndTimeOfArrival'],
  ['an empty master document list', arrivalByMasterDocuments, [set('/masterTransportDocuments', [])], '12', '/masterTransportDocuments'],
  ['a blank master document number', arrivalByMasterDocuments, [set('/masterTransportDocuments/0/documentNumber', ' ')], '12', '/masterTransportDocuments/0/documentNumber'],
  ['a master document number in Chinese', arrivalByMasterDocuments, [set('/masterTransportDocuments/0/documentNumber', '空运单')], '102', '/masterTransportDocuments/0/documentNumber'],
  ['the same master document twice', arrivalByMasterDocuments, [set('/masterTransportDocuments/1/documentNumber', '020-12345675')], '12', '/masterTransportDocuments/1/documentNumber'],
  ['a flight number with an emoji', arrivalByMeans, [set('/activeBorderTransportMeans/conveyanceReferenceNumber', 'AD8401 ✈️')], '102', '/activeBorderTransportMeans/conveyanceReferenceNumber'],
  ['no actual arrival', arrivalByMrns, [remove('/actualDateAndTimeOfArrival')], 'X01', '/actualDateAndTimeOfArrival'],
  ['an actual arrival in local time', arrivalByMrns, [set('/actualDateAndTimeOfArrival', '2025-03-02T06:12:00')], '12', '/actualDateAndTimeOfArrival'],
  ['an actual arrival on 30 February', arrivalByMrns, [set('/actualDateAndTimeOfArrival', '2025-02-30T06:12:00Z')], '12', '/actualDateAndTimeOfArrival'],
  ['no office', arrivalByMrns, [remove('/customsOfficeOfActualFirstEntry')], 'X01', '/customsOfficeOfActualFirstEntry'],
  ['an office outside ICS2', arrivalByMrns, [set('/customsOfficeOfActualFirstEntry/referenceNumber', 'CN000001')], '12', '/customsOfficeOfActualFirstEntry/referenceNumber'],
  ['an office of 9 characters', arrivalByMrns, [set('/customsOfficeOfActualFirstEntry/referenceNumber', 'DE0047110')], '12', '/customsOfficeOfActualFirstEntry/referenceNumber'],
  ['an unknown element', arrivalByMrns, [set('/flight', 'AD8401')], 'X07', '/flight'],
  ['a __proto__ element', arrivalByMrns, [set('/activeBorderTransportMeans', JSON.parse('{"__proto__":{"x":1}}'))], 'X07', '/activeBorderTransportMeans/__proto__'],
];

describe('validate-arrival-notification (IE3N06)', () => {
  it.each(Object.entries(ARRIVALS))('accepts an arrival matched %s', (_way, fixture) => {
    const body = fixture();
    expect(validateArrivalNotification(body, context)).toEqual({ ok: true, value: body });
  });

  it.each(cases.map(([name, ...rest]) => [name, ...rest] as const))('refuses %s', (_name, fixture, edits, code, pointer) => {
    const result = validateArrivalNotification(edited(fixture(), ...edits), context);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((error) => ({ code: error.code, pointer: error.pointer }))).toContainEqual({ code, pointer });
  });

  it('answers any mutation or junk with ok, or with coded errors pointing into the body', () => {
    const fixtures = Object.values(ARRIVALS);
    fc.assert(
      fc.property(fc.nat({ max: fixtures.length - 1 }), fc.array(fc.oneof(mutation, jsonMutation), { minLength: 1, maxLength: 3 }), (which, changes) => {
        const body = fixtures[which]() as unknown as Record<string, unknown>;
        for (const change of changes) applyMutation(body, change);
        expectWellFormedAnswer(body, validateArrivalNotification(body, context));
      }),
      { numRuns: 500 },
    );
    fc.assert(fc.property(junk, (body) => expectWellFormedAnswer(body, validateArrivalNotification(body, context))), { numRuns: 200 });
  });
});
