/**
 * Filing types that link with one another form a family (the connected parts of the table's `partners`): F21 and
 * F22; F12, F15 and F16; F23 and F24... A unique linking key is unique within its family, so a PLACI master (F23)
 * and the pre-arrival master (F21) of the same air waybill do not clash.
 */
import { FILING_TYPES, filingType } from '@ics2/domain';

function closure(code: string): string[] {
  const seen = new Set<string>([code]);
  const queue = [code];
  while (queue.length) {
    const next = filingType(queue.shift() as string);
    for (const partner of next?.partners ?? []) {
      if (!seen.has(partner)) {
        seen.add(partner);
        queue.push(partner);
      }
    }
  }
  return [...seen].sort();
}

const FAMILIES = new Map(FILING_TYPES.map((row) => [row.code as string, closure(row.code).join('+')]));

export const linkFamilyOf = (filingTypeCode: string): string => FAMILIES.get(filingTypeCode) ?? filingTypeCode;
