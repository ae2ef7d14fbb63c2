import { MAX_GOODS_ITEMS, MAX_HOUSE_CONSIGNMENTS, MAX_ROUTING_COUNTRIES, MAX_TRANSPORT_EQUIPMENT } from '@ics2/domain';

/**
 * The structure guard's limits: what no ENS, amendment, arrival notification or invalidation of the trader API
 * can exceed, checked before anything else reads the body.
 */

/**
 * Deepest nesting of objects and arrays the message trees have, with room to spare: the deepest element of a
 * filing, /consignmentMasterLevel/consignmentHouseLevel/i/goodsItem/j/additionalInformation/k/text, sits in the
 * 8th container.
 */
export const MAX_DEPTH = 12;

/** No element of any message is longer than this (the longest, descriptions and texts, are an..512). */
export const MAX_STRING_LENGTH = 4_096;

/** Element names are camelCase HTI names, none longer than 40 characters; a longer key cannot be an element. */
export const MAX_KEY_LENGTH = 64;

/** The largest message object (the house consignment) has 21 elements; more members cannot be valid. */
export const MAX_MEMBERS = 64;

/**
 * Multiplicity limits of the message specs, by element name (the names are unique in the trees, so the limit of a
 * name holds wherever it sits). [V] reference 14 for houses, goods items, containers and routing countries; the
 * others follow the HTI IE tables' usual 0..99 / 1..9 multiplicities ([U] where the reference's tree is silent).
 */
export const ARRAY_LIMITS: Readonly<Record<string, number>> = {
  consignmentHouseLevel: MAX_HOUSE_CONSIGNMENTS,
  goodsItem: MAX_GOODS_ITEMS,
  transportEquipment: MAX_TRANSPORT_EQUIPMENT,
  countriesOfRoutingOfConsignment: MAX_ROUTING_COUNTRIES,
  countriesOfRoutingOfMeansOfTransport: MAX_ROUTING_COUNTRIES,
  supportingDocuments: 99,
  additionalInformation: 99,
  additionalSupplyChainActor: 99,
  hrcmScreeningResults: 99,
  packaging: 99,
  dangerousGoods: 99,
  communication: 9,
  screeningMethod: 9,
  /** IE3N06: MRNs and master documents to match, 1..9,999 each. */
  mrns: 9_999,
  masterTransportDocuments: 9_999,
};

/** Arrays under any other name (unknown elements, arrays in arrays) are bounded by the largest limit. */
export const DEFAULT_ARRAY_LIMIT = MAX_HOUSE_CONSIGNMENTS;

/**
 * Keys refused anywhere (X07): the prototype-pollution names, and every other member of Object.prototype
 * ('toString', 'hasOwnProperty', '__defineGetter__'...), which no message defines and which would shadow the
 * methods later layers rely on.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
  ...Object.getOwnPropertyNames(Object.prototype),
]);
