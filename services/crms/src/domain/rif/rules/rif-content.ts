/**
 * The rules a RIF's content obeys, checked whenever content is written (DraftRif, EditRif), so a RIF is never
 * published with content that breaks them. [U] CRMS2's RIF structure is not public: the fields are those of issue 5
 * (libs/contracts RifContent). The door has already checked the shape (required texts, lengths, instants that parse).
 *
 * HS codes: besides the 6, 8 and 10 digits of a declared code (libs/domain parseHsCode), a RIF may name a whole
 * chapter (2 digits) or heading (4 digits): risk information is often about "all of chapter 93", not one subheading.
 */
import { isCountryCode, parseEori, parseHsCode } from '@ics2/domain';
import { RIF_CATEGORIES, type RifAuthor, type RifContent } from '@ics2/contracts';
import { wrong, type ContentError } from '../../crms.refusals';
import { isBefore } from '../../rules/instants';
import { profileErrors } from './rif-profile';

const DIGITS = /^[0-9]+$/;

/** A chapter (2), heading (4) or HS/CN/TARIC code (6, 8, 10 digits) of a chapter in use. */
export function isRifHsCode(code: string): boolean {
  if (!DIGITS.test(code)) return false;
  if (code.length === 2 || code.length === 4) return parseHsCode(code.padEnd(6, '0')).ok;
  return parseHsCode(code).ok;
}

const COUNTRY_PLACES = ['origin', 'routing', 'destination'] as const;

export function contentErrors(rifId: string, author: RifAuthor, content: RifContent): ContentError[] {
  const at = (path: string) => `/content${path}`;
  const errors: ContentError[] = [];
  if (!(RIF_CATEGORIES as readonly string[]).includes(content.category)) errors.push(wrong(at('/category'), 'RIF_CATEGORY'));
  if (!isBefore(content.validFrom, content.validTo)) errors.push(wrong(at('/validTo'), 'RIF_VALIDITY_RANGE'));
  for (const place of COUNTRY_PLACES) {
    (content.countries?.[place] ?? []).forEach((c, i) => {
      if (!isCountryCode(c)) errors.push(wrong(at(`/countries/${place}/${i}`), 'COUNTRY_CODE'));
    });
  }
  (content.goods ?? []).forEach((g, i) => {
    if (g.hsCode === undefined && g.description === undefined) errors.push(wrong(at(`/goods/${i}`), 'RIF_GOODS_EMPTY'));
    if (g.hsCode !== undefined && !isRifHsCode(g.hsCode)) errors.push(wrong(at(`/goods/${i}/hsCode`), 'HS_CODE'));
  });
  (content.operators ?? []).forEach((o, i) => {
    if (o.name === undefined && o.eori === undefined) errors.push(wrong(at(`/operators/${i}`), 'RIF_OPERATOR_EMPTY'));
    if (o.eori !== undefined && !parseEori(o.eori).ok) errors.push(wrong(at(`/operators/${i}/eori`), 'EORI'));
    if (o.country !== undefined && !isCountryCode(o.country)) errors.push(wrong(at(`/operators/${i}/country`), 'COUNTRY_CODE'));
  });
  if (content.riskProfile) errors.push(...profileErrors(rifId, author, content.riskProfile, at('/riskProfile')));
  return errors;
}
