/**
 * The parties and places of the samples, from the catalogue: companies and persons as ENS parties (with stable
 * EORIs for EU companies and carriers), and where they take over or receive goods.
 */
import type { Party, Place } from '@ics2/contracts';
import {
  AIRLINES,
  type CatalogueCarrier,
  type CatalogueCompany,
  type CataloguePerson,
  CUSTOMS_BROKERS,
  EXPORTERS,
  EXPRESS_CARRIERS,
  FORWARDERS,
  IMPORTERS,
  POSTAL_OPERATORS,
  RAIL_CARRIERS,
  RIVER_CARRIERS,
  ROAD_CARRIERS,
  SHIPPING_LINES,
  WEB_SHOPS,
} from './ens-sample-catalogue';
import { eoriFor } from './ens-sample-identifiers';

export function companyParty(company: CatalogueCompany, identificationNumber?: string): Party {
  return {
    name: company.name,
    ...(identificationNumber ? { identificationNumber } : {}),
    typeOfPerson: '2',
    address: { ...company.address },
    communication: [
      { identifier: company.email, type: 'EM' },
      ...(company.phone ? [{ identifier: company.phone, type: 'TE' }] : []),
    ],
  };
}

export const personParty = (person: CataloguePerson): Party => ({
  name: person.name,
  typeOfPerson: '1',
  address: { ...person.address },
  communication: [{ identifier: person.email, type: 'EM' }],
});

/** An EU company's party, with its stable EORI (or the one the options impose). */
export const euCompanyParty = (company: CatalogueCompany, eori?: string): Party =>
  companyParty(company, eori ?? eoriFor(company.address.country, company.name));

export const carrierParty = (carrier: CatalogueCarrier, eori?: string) =>
  companyParty(carrier, eori ?? eoriFor(carrier.eoriCountry, carrier.name));

const KNOWN_COMPANIES: readonly CatalogueCompany[] = [...EXPORTERS, ...WEB_SHOPS, ...IMPORTERS, ...FORWARDERS];
const EVERY_COMPANY: readonly CatalogueCompany[] = [
  ...KNOWN_COMPANIES,
  ...POSTAL_OPERATORS,
  ...CUSTOMS_BROKERS,
  ...AIRLINES,
  ...EXPRESS_CARRIERS,
  ...SHIPPING_LINES,
  ...ROAD_CARRIERS,
  ...RAIL_CARRIERS,
  ...RIVER_CARRIERS,
];

/** Where a party takes over or receives goods: its city's UN/LOCODE when known, else its address. */
export function placeOfParty(party: Party): Place {
  const known = KNOWN_COMPANIES.find((company) => company.name === party.name);
  if (known?.unLocode) return { unLocode: known.unLocode };
  const address = party.address ?? { country: 'CN', city: 'Shenzhen' };
  return { address: { country: address.country, city: address.city, ...(address.postcode ? { postcode: address.postcode } : {}) } };
}

/** The 3-letter reference prefix of a catalogue company, or one made from the party's name. */
export function codeOfParty(party: Party): string {
  const known = EVERY_COMPANY.find((company) => company.name === party.name);
  return known?.code ?? ((party.name ?? 'ENS').replace(/[^A-Za-z]/g, '').toUpperCase() + 'XXX').slice(0, 3);
}

export const countryOfPlace = (place: Place): string | undefined =>
  place.unLocode ? place.unLocode.slice(0, 2) : place.address?.country;

