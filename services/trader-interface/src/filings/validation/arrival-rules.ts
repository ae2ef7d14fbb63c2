import { ArrivalNotification } from '@ics2/contracts';
import { parseCustomsOffice, parseTransportDocument } from '@ics2/domain';
import { ErrorList } from './error-list';
import { checkTexts } from './free-text';
import { NonAsciiText } from './structure-guard';
import { expectEnsMrn, expectInstant, expectValid } from './value-checks';

/** The three ways an arrival notification may name the filings it concerns (reference 10). */
export const ARRIVAL_MATCHINGS = ['mrns', 'activeBorderTransportMeans', 'masterTransportDocuments'] as const;

/** Layer c for IE3N06: the office, the instants, the MRNs and the master document numbers. */
export function checkArrivalValues(notification: ArrivalNotification, errors: ErrorList): void {
  expectInstant(notification.actualDateAndTimeOfArrival, '/actualDateAndTimeOfArrival', errors);
  expectValid(
    parseCustomsOffice(notification.customsOfficeOfActualFirstEntry.referenceNumber),
    '/customsOfficeOfActualFirstEntry/referenceNumber',
    errors,
  );
  expectInstant(
    notification.activeBorderTransportMeans?.estimatedDateAndTimeOfArrival,
    '/activeBorderTransportMeans/estimatedDateAndTimeOfArrival',
    errors,
  );
  (notification.mrns ?? []).forEach((mrn, index) => expectEnsMrn(mrn, `/mrns/${index}`, errors));
  (notification.masterTransportDocuments ?? []).forEach((document, index) =>
    expectValid(
      parseTransportDocument({ type: 'N741', documentNumber: document.documentNumber }),
      `/masterTransportDocuments/${index}/documentNumber`,
      errors,
    ),
  );
}

/**
 * Layer d for IE3N06. Exactly one way of matching: none is X01 at the body (no single element is missing), a
 * second or third is 12 at that element. Matching by means of transport needs its identification (registration,
 * IMO number, or flight / voyage number) and the estimated arrival (X01). An MRN or master document is listed
 * once (12 at the repeat). Every text passes the character set check (102).
 */
export function checkArrivalRules(notification: ArrivalNotification, texts: readonly NonAsciiText[], errors: ErrorList): void {
  const given = ARRIVAL_MATCHINGS.filter((way) => notification[way] !== undefined);
  if (given.length === 0) errors.add('X01', '', `give exactly one of ${ARRIVAL_MATCHINGS.join(', ')}`);
  for (const extra of given.slice(1)) errors.add('12', `/${extra}`, `give exactly one of ${ARRIVAL_MATCHINGS.join(', ')}`);

  const means = notification.activeBorderTransportMeans;
  if (means) {
    if (means.identificationNumber === undefined && means.conveyanceReferenceNumber === undefined) {
      errors.add('X01', '/activeBorderTransportMeans/identificationNumber', 'the identification or the flight / voyage number is required');
    }
    if (means.estimatedDateAndTimeOfArrival === undefined) {
      const pointer = '/activeBorderTransportMeans/estimatedDateAndTimeOfArrival';
      errors.add('X01', pointer, 'the estimated arrival is required to match by means of transport');
    }
  }
  reportRepeats(notification.mrns ?? [], (index) => `/mrns/${index}`, errors);
  reportRepeats(
    (notification.masterTransportDocuments ?? []).map((document) => document.documentNumber),
    (index) => `/masterTransportDocuments/${index}/documentNumber`,
    errors,
  );
  checkTexts(texts, errors);
}

function reportRepeats(values: readonly string[], pointerOf: (index: number) => string, errors: ErrorList): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (seen.has(value)) errors.add('12', pointerOf(index), 'listed more than once');
    seen.add(value);
  });
}
