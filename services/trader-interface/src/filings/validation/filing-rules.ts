import { Place, RoutingCountry } from '@ics2/contracts';
import { checkGoodsDescription, unLocodeCountry, UnLocode } from '@ics2/domain';
import { GROUP_PRESENCE } from './data-group-presence.table';
import { ErrorList } from './error-list';
import { FilingRule } from './filing-rule';
import { goodsItemsOf } from './filing-paths';
import { checkTexts } from './free-text';
import { childPointer } from './json-pointer';
import { requireElement } from './presence';
import { parseUtcInstant } from './utc-instant';
import { expectValid } from './value-checks';

/**
 * Layer d: the rules of a filing as a whole, each a small function listed in filing-rules.table.ts. They run on a
 * filing whose shape and codes are valid, so they read it without guarding every element.
 */

/** Every data group the filing type's row requires is present (X01, see presence.ts). */
export const requiredDataGroups: FilingRule = (context) => {
  for (const group of context.row.requiredGroups) GROUP_PRESENCE[group](context);
};

/**
 * The level decides the tree (ens-filing.ts): complete and master-level filings carry consignmentMasterLevel and
 * no top-level house list; house-level filings carry the top-level list and no master level, and each house names
 * its master document and carrier (the linking key, reference 7.2, also where the row's groups omit the carrier,
 * as PLACI F24 / F32 / F43 do). A master-level filing whose row does not require goods items lists its houses by
 * house document only (X07 on goods). Outside house-level filings a house carries no master document or carrier
 * of its own: they are the master level's.
 */
export const filingLevelStructure: FilingRule = ({ filing, row, houses, errors }) => {
  if (row.level === 'house') {
    requireElement(filing, '', ['consignmentHouseLevel'], errors, 'the house consignments (a house-level filing)');
    if (filing.consignmentMasterLevel) errors.add('X07', '/consignmentMasterLevel', 'a house-level filing has no master level');
    for (const house of houses) {
      requireElement(house.node, house.pointer, ['transportDocumentMasterLevel'], errors, 'the master transport document (linking key)');
      requireElement(house.node, house.pointer, ['carrier', 'identificationNumber'], errors, 'the carrier, identified (linking key)');
    }
    return;
  }
  requireElement(filing, '', ['consignmentMasterLevel'], errors, `the master level of a ${row.level} filing`);
  if (filing.consignmentHouseLevel) {
    errors.add('X07', '/consignmentHouseLevel', 'only house-level filings list house consignments here; use consignmentMasterLevel');
  }
  const listOnly = row.level === 'master' && !row.requiredGroups.includes('goodsItems');
  for (const house of houses) {
    if (house.node.transportDocumentMasterLevel) {
      errors.add('X07', childPointer(house.pointer, 'transportDocumentMasterLevel'), 'the master document is given at the master level');
    }
    if (house.node.carrier) errors.add('X07', childPointer(house.pointer, 'carrier'), 'the carrier is given at the master level');
    if (listOnly && house.node.goodsItem) {
      errors.add('X07', childPointer(house.pointer, 'goodsItem'), 'a master-level filing lists houses by house document, without goods');
    }
  }
};

/** Containerised goods (container indicator 1) name their containers, where the filing type has containers at all. */
export const containersOfContainerisedGoods: FilingRule = ({ row, houses, errors }) => {
  if (![...row.requiredGroups, ...row.conditionalGroups].includes('transportEquipment')) return;
  for (const house of houses) {
    if (house.node.containerIndicator === '1') {
      requireElement(house.node, house.pointer, ['transportEquipment'], errors, 'the containers of goods in containers');
    }
  }
};

/** A place names itself by UN/LOCODE, location or address (reference 7: `location | UNLOCODE | address.country`). */
export const placesArePlaces: FilingRule = ({ filing, houses, errors }) => {
  const check = (place: Place | undefined, pointer: string) => {
    if (place && place.unLocode === undefined && place.location === undefined && place.address === undefined) {
      errors.add('X01', pointer, 'a place needs a UN/LOCODE, a location or an address');
    }
  };
  const master = filing.consignmentMasterLevel;
  for (const name of ['placeOfAcceptance', 'placeOfLoading', 'placeOfUnloading', 'placeOfDelivery'] as const) {
    check(master?.[name], `/consignmentMasterLevel/${name}`);
  }
  for (const house of houses) {
    check(house.node.placeOfAcceptance, childPointer(house.pointer, 'placeOfAcceptance'));
    check(house.node.placeOfDelivery, childPointer(house.pointer, 'placeOfDelivery'));
  }
};

/** The representative is another person than the declarant (12). [V weak] reference 4. */
export const representativeIsNotDeclarant: FilingRule = ({ filing, errors }) => {
  if (filing.representative && filing.representative.identificationNumber === filing.declarant.identificationNumber) {
    errors.add('12', '/representative/identificationNumber', 'the representative must differ from the declarant');
  }
};

/** The sender (the token's EORI) files for itself as declarant or as the declarant's representative (X03). */
export const senderIsDeclarantOrRepresentative: FilingRule = ({ filing, sender, errors }) => {
  if (sender !== filing.declarant.identificationNumber && sender !== filing.representative?.identificationNumber) {
    errors.add('X03', '/declarant/identificationNumber', 'the sender is neither the declarant nor its representative');
  }
};

const placeCountry = (place: Place | undefined): string | undefined =>
  place?.address?.country ?? (place?.unLocode !== undefined ? unLocodeCountry(place.unLocode as UnLocode) : undefined);

/**
 * The routing includes the countries of the places of acceptance and delivery (12) [V weak] reference 7. The
 * routing is the house's own, else the means of transport's; the places the house's own, else the master
 * level's. A place given only as a free-text location has no country to check.
 */
export const routingIncludesAcceptanceAndDelivery: FilingRule = ({ filing, houses, errors }) => {
  const master = filing.consignmentMasterLevel;
  const meansRouting = filing.activeBorderTransportMeans?.countriesOfRoutingOfMeansOfTransport;
  const meansPointer = '/activeBorderTransportMeans/countriesOfRoutingOfMeansOfTransport';
  const cases = houses.length > 0 ? houses : [undefined];
  for (const house of cases) {
    if (errors.full) return;
    const own = house?.node.countriesOfRoutingOfConsignment;
    const [routing, pointer] =
      own && own.length > 0 ? [own, childPointer(house.pointer, 'countriesOfRoutingOfConsignment')] : [meansRouting, meansPointer];
    if (!routing || routing.length === 0) continue;
    const countries = new Set(routing.map((entry) => entry.country));
    const missing = [
      ['acceptance', placeCountry(house?.node.placeOfAcceptance ?? master?.placeOfAcceptance)],
      ['delivery', placeCountry(house?.node.placeOfDelivery ?? master?.placeOfDelivery)],
    ].filter(([, country]) => country !== undefined && !countries.has(country));
    if (missing.length > 0) {
      const list = missing.map(([place, country]) => `${country} (place of ${place})`).join(' and ');
      errors.add('12', pointer, `the routing must include ${list}`);
    }
  }
};

/** Numbers 1..n, each once (12 at the duplicate or the out-of-range number). One pass, a set. */
function checkNumbering(numbers: readonly { value: number; pointer: string }[], what: string, errors: ErrorList): void {
  const seen = new Set<number>();
  for (const { value, pointer } of numbers) {
    if (seen.has(value)) errors.add('12', pointer, `${what} must be unique`);
    else if (value > numbers.length) errors.add('12', pointer, `${what} must run from 1 to ${numbers.length}`);
    seen.add(value);
  }
}

const routingNumbers = (routing: readonly RoutingCountry[] | undefined, pointer: string) =>
  (routing ?? []).map((entry, index) => ({ value: entry.sequenceNumber, pointer: `${pointer}/${index}/sequenceNumber` }));

/** Routing sequence numbers are unique and run from 1 (12), for the means of transport and each consignment. */
export const routingSequenceNumbers: FilingRule = ({ filing, houses, errors }) => {
  const means = '/activeBorderTransportMeans/countriesOfRoutingOfMeansOfTransport';
  checkNumbering(routingNumbers(filing.activeBorderTransportMeans?.countriesOfRoutingOfMeansOfTransport, means), 'sequence numbers', errors);
  for (const house of houses) {
    const pointer = childPointer(house.pointer, 'countriesOfRoutingOfConsignment');
    checkNumbering(routingNumbers(house.node.countriesOfRoutingOfConsignment, pointer), 'sequence numbers', errors);
  }
};

/** Goods item numbers are unique and run from 1 within each house consignment (12). */
export const goodsItemNumbers: FilingRule = ({ houses, errors }) => {
  for (const house of houses) {
    const numbers = goodsItemsOf(house).map((item) => ({ value: item.node.goodsItemNumber, pointer: `${item.pointer}/goodsItemNumber` }));
    checkNumbering(numbers, 'goods item numbers', errors);
  }
};

/** Descriptions say what the goods are (checkGoodsDescription: 100 for stop words, 102 for characters). */
export const goodsDescriptionsMeaningful: FilingRule = ({ houses, errors }) => {
  for (const house of houses) {
    if (errors.full) return;
    for (const item of goodsItemsOf(house)) {
      expectValid(checkGoodsDescription(item.node.commodity.descriptionOfGoods), `${item.pointer}/commodity/descriptionOfGoods`, errors);
    }
  }
};

/** Every text of the filing is Latin, Greek or Cyrillic (102 at the element). */
export const textsInAllowedCharacters: FilingRule = ({ texts, errors }) => checkTexts(texts, errors);

/** The estimated arrival is not before the document was issued (12). */
export const arrivalNotBeforeIssue: FilingRule = ({ filing, errors }) => {
  const arrival = filing.activeBorderTransportMeans?.estimatedDateAndTimeOfArrival;
  if (arrival === undefined) return;
  const issued = parseUtcInstant(filing.documentIssueDate);
  const arrives = parseUtcInstant(arrival);
  if (issued !== undefined && arrives !== undefined && arrives < issued) {
    errors.add('12', '/activeBorderTransportMeans/estimatedDateAndTimeOfArrival', 'the estimated arrival is before the document issue date');
  }
};

/** A house transport document appears once in a filing (12 at the repeats). */
export const houseDocumentsUnique: FilingRule = ({ houses, errors }) => {
  const seen = new Set<string>();
  for (const house of houses) {
    const document = house.node.transportDocumentHouseLevel;
    if (!document) continue;
    const key = `${document.type}\u0000${document.documentNumber}`;
    if (seen.has(key)) {
      errors.add('12', `${house.pointer}/transportDocumentHouseLevel/documentNumber`, 'this house document is already in the filing');
    }
    seen.add(key);
  }
};

/** A split consignment (indicator 1) names the MRN it was split from (X01); an unsplit one names none (12). */
export const splitConsignmentPreviousMrn: FilingRule = ({ filing, errors }) => {
  const split = filing.splitConsignment;
  if (split?.splitConsignmentIndicator === '1') {
    requireElement(filing, '', ['splitConsignment', 'previousMrn'], errors, 'the previous MRN of a split consignment');
  } else if (split?.previousMrn !== undefined) {
    errors.add('12', '/splitConsignment/previousMrn', 'a previous MRN is given only for a split consignment');
  }
};
