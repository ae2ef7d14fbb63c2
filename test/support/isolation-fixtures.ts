/** What the isolation suite needs besides the stack: samples, a wait, and a valid MRN that names no filing. */
import { formatMrn, mrnParts, type Mrn } from '@ics2/domain';

export { eventually, sampleFiling } from '@ics2/testing';

/** A valid MRN from the same year and country as `mrn`, with a serial far beyond any the test allocates. */
export function formatMrnForTest(mrn: string): string {
  const parts = mrnParts(mrn as Mrn);
  return formatMrn({ year: parts.year, memberState: parts.memberState, serial: parts.serial + 1_000_000_000n });
}
