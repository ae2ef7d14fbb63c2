import { EnsFiling, HouseConsignment } from '@ics2/contracts';
import { FilingTypeRow } from '@ics2/domain';
import { ErrorList } from './error-list';
import { housesOf, Located } from './filing-paths';
import { NonAsciiText } from './structure-guard';

/** What a filing rule reads: the filing (shape and codes already valid), its filing-types row, the sender. */
export interface FilingRuleContext {
  readonly filing: EnsFiling;
  readonly row: FilingTypeRow;
  /** The EORI of the bearer token. */
  readonly sender: string;
  /** The house consignments where the row's level puts them, with their pointers. */
  readonly houses: readonly Located<HouseConsignment>[];
  /** The strings of the body that are not plain ASCII (the structure guard lists them). */
  readonly texts: readonly NonAsciiText[];
  readonly errors: ErrorList;
}

export type FilingRule = (context: FilingRuleContext) => void;

export const filingRuleContext = (
  filing: EnsFiling,
  row: FilingTypeRow,
  sender: string,
  texts: readonly NonAsciiText[],
  errors: ErrorList,
): FilingRuleContext => ({ filing, row, sender, houses: housesOf(filing, row.level), texts, errors });
