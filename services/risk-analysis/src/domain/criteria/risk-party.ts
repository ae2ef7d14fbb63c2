/**
 * A party of a consignment as the engine compares it: its role, its name normalised and split for fuzzy matching
 * (text-normalisation.ts, name-similarity.ts), its EORI, and its address as words and as padded text for phrase
 * search. The role-free part is computed once per party of a filing, however many roles and houses it appears in.
 */
import type { Party } from '@ics2/contracts';
import type { PartyRole } from './criterion';
import { nameTrigrams } from './name-similarity';
import { nameTokens, normalisedTokens } from './text-normalisation';

export interface RiskParty {
  readonly role: PartyRole;
  /** As filed. */
  readonly name: string | null;
  /** nameTokens(name): normalised, legal forms out; and those joined by spaces (one name, one key). */
  readonly nameTokens: readonly string[];
  readonly nameKey: string;
  readonly nameTrigrams: readonly string[];
  readonly eori: string | null;
  readonly country: string | null;
  /** Normalised words. */
  readonly street: string;
  readonly city: string;
  readonly postcode: string;
  /** ' street | city | postcode ', for phrase search; the words of it as a set. */
  readonly addressText: string;
  readonly addressTokens: ReadonlySet<string>;
}

/** Transport identifications and EORIs as compared: upper case, no spaces, hyphens or dots. */
export const normaliseIdentifier = (value: string): string => value.toUpperCase().replace(/[\s.-]+/g, '');

const upper = (value: string | undefined): string | null => (value ? value.trim().toUpperCase() : null);

/** The role-free part of a RiskParty, computed once per party object of one subject (parties repeat across houses). */
type PartyFacts = Omit<RiskParty, 'role'>;
export type PartyCache = Map<Party, PartyFacts>;

export function riskParty(role: PartyRole, party: Party, cache: PartyCache): RiskParty {
  let facts = cache.get(party);
  if (facts === undefined) cache.set(party, (facts = partyFacts(party)));
  return { role, ...facts };
}

function partyFacts(party: Party): PartyFacts {
  const tokens = party.name ? nameTokens(party.name) : [];
  const address = party.address;
  const street = normalisedTokens([address?.streetAndNumber, address?.poBox].filter(Boolean).join(' ')).join(' ');
  const city = address?.city ? normalisedTokens(address.city).join(' ') : '';
  const postcode = address?.postcode ? normalisedTokens(address.postcode).join(' ') : '';
  const addressText = ` ${street} | ${city} | ${postcode} `;
  return {
    name: party.name ?? null,
    nameTokens: tokens,
    nameKey: tokens.join(' '),
    nameTrigrams: nameTrigrams(tokens),
    eori: party.identificationNumber ? normaliseIdentifier(party.identificationNumber) : null,
    country: upper(address?.country),
    street,
    city,
    postcode,
    addressText,
    addressTokens: new Set(`${street} ${city} ${postcode}`.split(' ').filter((word) => word.length > 0)),
  };
}
