import { ValidationCodeId } from '@ics2/contracts';
import { FilingRule } from './filing-rule';
import {
  arrivalNotBeforeIssue,
  containersOfContainerisedGoods,
  filingLevelStructure,
  goodsDescriptionsMeaningful,
  goodsItemNumbers,
  houseDocumentsUnique,
  placesArePlaces,
  representativeIsNotDeclarant,
  requiredDataGroups,
  routingIncludesAcceptanceAndDelivery,
  routingSequenceNumbers,
  senderIsDeclarantOrRepresentative,
  splitConsignmentPreviousMrn,
  textsInAllowedCharacters,
} from './filing-rules';

/**
 * The rules an ENS filing (IE3Fxx) or amendment (IE3Axx) must keep once its shape and codes are valid, in the
 * order they run. Each row: a stable name, the codes it answers with, what it checks, and its function
 * (filing-rules.ts). All rules run; every error they find is reported (up to the answer's cap).
 */
export interface FilingRuleRow {
  readonly name: string;
  readonly codes: readonly ValidationCodeId[];
  readonly rule: string;
  readonly check: FilingRule;
}

export const FILING_RULES: readonly FilingRuleRow[] = [
  {
    name: 'filing-level-structure',
    codes: ['X01', 'X07'],
    rule: 'complete and master filings carry consignmentMasterLevel; house filings the top-level houses, each with master document and carrier',
    check: filingLevelStructure,
  },
  { name: 'required-data-groups', codes: ['X01'], rule: "the groups the filing type's row requires are present", check: requiredDataGroups },
  { name: 'containers-of-containerised-goods', codes: ['X01'], rule: 'goods in containers name their containers', check: containersOfContainerisedGoods },
  { name: 'places-are-places', codes: ['X01'], rule: 'a place gives a UN/LOCODE, a location or an address', check: placesArePlaces },
  { name: 'representative-is-not-declarant', codes: ['12'], rule: 'the representative differs from the declarant', check: representativeIsNotDeclarant },
  {
    name: 'sender-is-declarant-or-representative',
    codes: ['X03'],
    rule: 'the sender is the declarant or its representative',
    check: senderIsDeclarantOrRepresentative,
  },
  {
    name: 'routing-includes-acceptance-and-delivery',
    codes: ['12'],
    rule: 'the routing includes the countries of the places of acceptance and delivery',
    check: routingIncludesAcceptanceAndDelivery,
  },
  { name: 'routing-sequence-numbers', codes: ['12'], rule: 'routing sequence numbers are unique and run from 1', check: routingSequenceNumbers },
  { name: 'goods-item-numbers', codes: ['12'], rule: 'goods item numbers are unique and run from 1 in each house', check: goodsItemNumbers },
  {
    name: 'goods-descriptions-meaningful',
    codes: ['100', '102'],
    rule: 'goods descriptions say what the goods are (no stop words alone)',
    check: goodsDescriptionsMeaningful,
  },
  { name: 'texts-in-allowed-characters', codes: ['102'], rule: 'every text is Latin, Greek or Cyrillic', check: textsInAllowedCharacters },
  { name: 'arrival-not-before-issue', codes: ['12'], rule: 'the estimated arrival is not before the document issue date', check: arrivalNotBeforeIssue },
  { name: 'house-documents-unique', codes: ['12'], rule: 'a house transport document appears once in a filing', check: houseDocumentsUnique },
  {
    name: 'split-consignment-previous-mrn',
    codes: ['X01', '12'],
    rule: 'a split consignment names its previous MRN, an unsplit one none',
    check: splitConsignmentPreviousMrn,
  },
];
