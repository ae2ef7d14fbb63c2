/**
 * The party condition compiled: one party (of the role, if given) must meet every facet given. Names come from the
 * watchlist index's hits for the consignment's parties (party-name-index.ts), so no name is scored here; EORIs are
 * compared normalised; address terms as words and phrases (term-match.ts).
 */
import type { CompiledCondition, Trigger } from './condition-compiler';
import type { PartyCondition } from './criterion';
import { DEFAULT_NAME_THRESHOLD } from './name-similarity';
import type { NameHit, PartyNameIndex } from './party-name-index';
import { normaliseIdentifier, type RiskParty } from './risk-party';
import { anyTerm, termsFound, termsOf } from './term-match';

const round = (n: number) => Math.round(n * 1000) / 1000;

export function compilePartyCondition(condition: PartyCondition, path: string, names: PartyNameIndex): CompiledCondition {
  const role = condition.role ?? null;
  const eoris = condition.eoris ? new Set(condition.eoris.map(normaliseIdentifier)) : null;
  const address = condition.addressTerms ? termsOf(condition.addressTerms) : null;
  const threshold = condition.threshold ?? DEFAULT_NAME_THRESHOLD;
  const entries = condition.names ? new Set(condition.names.map((name) => names.add(name, threshold))) : null;
  const partyOk = (p: RiskParty) =>
    (role === null || p.role === role) &&
    (eoris === null || (p.eori !== null && eoris.has(p.eori))) &&
    (address === null || anyTerm(address, p.addressTokens, p.addressText));
  const nameOk = (hit: NameHit) => entries !== null && entries.has(hit.entry) && hit.score >= threshold && partyOk(hit.party);
  const matchedValues = (p: RiskParty): string[] => [
    ...(entries !== null && p.name ? [p.name] : []),
    ...(eoris !== null && p.eori ? [p.eori] : []),
    ...(address !== null ? termsFound(address, p.addressTokens, p.addressText) : []),
  ];
  const trigger: Trigger = eoris
    ? [{ index: 'eori', keys: [...eoris] }]
    : entries
      ? [{ index: 'name', keys: [...entries] }]
      : [{ index: 'address-token', keys: address?.keys ?? [] }];
  return {
    test: (view, context) => {
      if (entries !== null) {
        const hits = context.nameHits;
        for (let i = 0; i < hits.length; i++) if (nameOk(hits[i])) return true;
        return false;
      }
      const parties = view.parties;
      for (let i = 0; i < parties.length; i++) if (partyOk(parties[i])) return true;
      return false;
    },
    explain: (view, context, out) => {
      if (entries !== null) {
        for (const hit of context.nameHits) {
          if (nameOk(hit)) out.push({ path, kind: 'party', values: matchedValues(hit.party), role: hit.party.role, listed: names.listed(hit.entry), similarity: round(hit.score) });
        }
        return;
      }
      for (const p of view.parties) if (partyOk(p)) out.push({ path, kind: 'party', values: matchedValues(p), role: p.role });
    },
    trigger,
    scope: role === 'carrier' ? 'ens' : 'house',
  };
}
