/**
 * The common risk criteria engine: compileCriteria(active criteria, instant) once, then evaluate(subject) per ENS.
 *
 * Which criteria apply to a subject: those valid at the compile instant (validFrom <= at < validTo), listing the
 * subject's phase, and either EU-wide or owned by the subject's responsible Member State. Which are active is the
 * caller's decision (criteria management records activations as events); if two versions of one criterion are
 * both given and both valid, the higher version is used.
 *
 * Compiled for speed (issue 4: 20,000 filings/s against 500 criteria on one core):
 * - every condition becomes closures once (condition-compiler.ts); nothing is parsed, normalised or built per call;
 * - criteria are indexed by what they need (HS prefix, description word, country per place kind, means of
 *   transport, EORI, address word, missing-data marker, flagged element, watchlist name), per phase and scope, so a
 *   consignment's own values look up its candidate criteria instead of 500 criteria being scanned; only criteria
 *   with no necessary key (anomaly bounds, `not`) are tried on every consignment;
 * - party names are scored only against the watchlist names found through the trigram index (party-name-index.ts),
 *   and a name already searched is answered from a bounded memo (a name given twice in one consignment, once);
 * - `explain` (the matched values) runs only for criteria that hit.
 *
 * Scope: a criterion that reads ENS-level data only (means of transport, places of loading and unloading, the
 * carrier) is evaluated once per ENS and its hit names no house; any other is evaluated per house consignment
 * and its hit names the house's transport document.
 *
 * AEO: a hit's score loses `aeoReduction` of itself when the consignment's declarant or the carrier is an AEO, down
 * to AEO_SCORE_FLOOR at most; the hit itself is always kept, and an AEO's filing is evaluated like any other.
 */
import type { RiskAnalysisPhase } from '@ics2/contracts';
import { normaliseMemberStateCode } from '@ics2/domain';
import { ANY_DIFFERENCE, type CompiledCondition, compileCondition, type EvaluationContext, type IndexName } from './condition-compiler';
import { AEO_SCORE_FLOOR, type Condition, type Criterion } from './criterion';
import { type NameHit, partyNameIndex, type PartyNameIndex } from './party-name-index';
import type { MatchedCondition, RiskAssessment, RiskHit } from './risk-assessment';
import type { RiskConsignment, RiskSubject } from './risk-subject';

export interface CompiledCriteria {
  /** The instant validity was checked against. */
  readonly at: string;
  /** The criteria versions in force, in evaluation order. */
  readonly active: readonly { readonly id: string; readonly version: number }[];
  /**
   * Of those, the versions that apply to an analysis of `phase` for `responsibleMemberState` (appliesTo), in
   * evaluation order: what its assessment is explained by, and what a criteria change is compared against.
   */
  applicable(phase: RiskAnalysisPhase, responsibleMemberState: string): readonly { readonly id: string; readonly version: number }[];
  evaluate(subject: RiskSubject): RiskAssessment;
}

interface Entry {
  readonly criterion: Criterion;
  readonly condition: CompiledCondition;
  /** null: EU-wide. */
  readonly owner: string | null;
  readonly reduction: number;
}

type KeyIndex = Exclude<IndexName, 'name'>;

/** The candidate indexes of one phase and scope. */
interface IndexSet {
  readonly maps: Map<KeyIndex, Map<string, number[]>>;
  /** Watchlist entry -> criteria. */
  readonly names: number[][];
  readonly always: number[];
  /** Every criterion of the set, for `scan`. */
  readonly every: number[];
  size: number;
  /** Some criterion of the set reads party names: the set's consignments' parties are searched in the watchlist. */
  searchesNames: boolean;
}

const newIndexSet = (): IndexSet => ({ maps: new Map(), names: [], always: [], every: [], size: 0, searchesNames: false });

function readsNames(condition: Condition): boolean {
  switch (condition.kind) {
    case 'party':
      return condition.names !== undefined;
    case 'all':
    case 'any':
      return condition.of.some(readsNames);
    case 'not':
      return readsNames(condition.of);
    default:
      return false;
  }
}

function addToIndex(set: IndexSet, entry: Entry, position: number): void {
  set.size++;
  set.every.push(position);
  if (readsNames(entry.criterion.condition)) set.searchesNames = true;
  const trigger = entry.condition.trigger;
  if (trigger === null) {
    set.always.push(position);
    return;
  }
  for (const group of trigger) {
    for (const key of group.keys) {
      if (group.index === 'name') {
        (set.names[key as number] ??= []).push(position);
        continue;
      }
      let map = set.maps.get(group.index);
      if (!map) set.maps.set(group.index, (map = new Map()));
      const list = map.get(String(key));
      if (!list) map.set(String(key), [position]);
      else if (list[list.length - 1] !== position) list.push(position);
    }
  }
}

/**
 * Whether a criterion applies to an analysis of `phase` whose responsible Member State is `responsibleMemberState`:
 * it lists the phase, and it is EU-wide or that Member State's own. [U] An involved Member State's national criteria
 * do not apply: the responsible Member State analyses, the involved ones contribute risk-mitigating information.
 */
export function appliesTo(criterion: Pick<Criterion, 'phases' | 'owner'>, phase: RiskAnalysisPhase, responsibleMemberState: string): boolean {
  if (!criterion.phases.includes(phase)) return false;
  return criterion.owner.kind === 'eu' || normaliseMemberStateCode(criterion.owner.memberState) === responsibleMemberState;
}

function validAt(criterion: Criterion, at: number): boolean {
  return Date.parse(criterion.validFrom) <= at && (criterion.validTo === undefined || at < Date.parse(criterion.validTo));
}

/** The criteria in force at `at`, one version per id (the highest), ordered by id. */
function inForce(criteria: readonly Criterion[], at: number): Criterion[] {
  const byId = new Map<string, Criterion>();
  for (const criterion of criteria) {
    if (!validAt(criterion, at)) continue;
    const known = byId.get(criterion.id);
    if (!known || known.version < criterion.version) byId.set(criterion.id, criterion);
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const WHERES = ['routing', 'acceptance', 'loading', 'unloading', 'delivery', 'any'] as const;
const WHERE_INDEXES = WHERES.map((where) => `country:${where}` as const);

export interface CompileOptions {
  /** Try every criterion on every consignment, without the candidate indexes: for the specs and the benchmark to
   *  check that the indexes never lose a hit. Same results, slower. */
  readonly scan?: boolean;
  /** Distinct party names whose watchlist result is remembered (party-name-index.ts); 0: none, every name is searched. */
  readonly nameCacheSize?: number;
}

export function compileCriteria(criteria: readonly Criterion[], at: string, options: CompileOptions = {}): CompiledCriteria {
  const scan = options.scan === true;
  const instant = Date.parse(at);
  if (!Number.isFinite(instant)) throw new Error(`compileCriteria: ${at} is not an ISO instant`);
  const names: PartyNameIndex = partyNameIndex(options.nameCacheSize);
  const entries: Entry[] = inForce(criteria, instant).map((criterion) => ({
    criterion,
    condition: compileCondition(criterion.condition, '/condition', names),
    owner: criterion.owner.kind === 'member-state' ? normaliseMemberStateCode(criterion.owner.memberState) : null,
    reduction: criterion.aeoReduction ?? 0,
  }));
  const sets: Record<RiskAnalysisPhase, Record<'house' | 'ens', IndexSet>> = {
    'pre-loading': { house: newIndexSet(), ens: newIndexSet() },
    'pre-arrival': { house: newIndexSet(), ens: newIndexSet() },
  };
  entries.forEach((entry, position) => {
    for (const phase of new Set(entry.criterion.phases)) addToIndex(sets[phase][entry.condition.scope], entry, position);
  });

  // Scratch state, reused by every call (evaluation is synchronous): candidate marks and the current name hits.
  const marks = new Uint32Array(entries.length);
  let epoch = 0;
  const candidates = new Int32Array(entries.length);
  let candidateCount = 0;
  const nameHits: NameHit[] = [];
  const context: EvaluationContext = { nameHits };
  // Where each party's name hits start and end in nameHits, so a name given twice (consignee and buyer) is searched once.
  let hitsFrom = new Int32Array(16);
  let hitsTo = new Int32Array(16);

  function searchNames(view: RiskConsignment): void {
    const parties = view.parties;
    if (parties.length > hitsFrom.length) {
      hitsFrom = new Int32Array(parties.length * 2);
      hitsTo = new Int32Array(parties.length * 2);
    }
    for (let i = 0; i < parties.length; i++) {
      const party = parties[i];
      let same = -1;
      for (let j = 0; j < i && same < 0; j++) if (parties[j].nameKey === party.nameKey) same = j;
      hitsFrom[i] = nameHits.length;
      if (same < 0) names.search(party, nameHits);
      else for (let k = hitsFrom[same]; k < hitsTo[same]; k++) nameHits.push({ party, entry: nameHits[k].entry, score: nameHits[k].score });
      hitsTo[i] = nameHits.length;
    }
  }

  const mark = (list: readonly number[]) => {
    for (let i = 0; i < list.length; i++) {
      const c = list[i];
      if (marks[c] !== epoch) {
        marks[c] = epoch;
        candidates[candidateCount++] = c;
      }
    }
  };
  const probe = (map: Map<string, number[]> | undefined, keys: readonly string[]) => {
    if (map === undefined) return;
    for (let i = 0; i < keys.length; i++) {
      const list = map.get(keys[i]);
      if (list !== undefined) mark(list);
    }
  };
  const probeOne = (map: Map<string, number[]> | undefined, key: string | null) => {
    if (map === undefined || key === null) return;
    const list = map.get(key);
    if (list !== undefined) mark(list);
  };

  /** Fills `candidates` with the criteria of `set` that may hold for `view`, in criterion order. */
  function collect(set: IndexSet, view: RiskConsignment): void {
    epoch = epoch === 0xffffffff ? 1 : epoch + 1;
    if (epoch === 1) marks.fill(0);
    candidateCount = 0;
    nameHits.length = 0;
    mark(scan ? set.every : set.always);
    const maps = set.maps;
    if (maps.size > 0 && !scan) {
      probe(maps.get('hs'), view.hsPrefixes);
      probe(maps.get('token'), view.descriptionTokens);
      for (let w = 0; w < WHERES.length; w++) probe(maps.get(WHERE_INDEXES[w]), view.countries[WHERES[w]]);
      const means = view.transportMeans;
      probe(maps.get('means-id'), means.identifications);
      probeOne(maps.get('means-mode'), means.mode);
      probeOne(maps.get('means-nationality'), means.nationality);
      probe(maps.get('marker'), view.markers);
      const differences = maps.get('difference');
      if (differences !== undefined && view.differences.length > 0) {
        probeOne(differences, ANY_DIFFERENCE);
        for (const difference of view.differences) probeOne(differences, difference.element);
      }
      const eoris = maps.get('eori');
      const addressWords = maps.get('address-token');
      if (eoris !== undefined || addressWords !== undefined) {
        for (const party of view.parties) {
          probeOne(eoris, party.eori);
          if (addressWords !== undefined) for (const word of party.addressTokens) probeOne(addressWords, word);
        }
      }
    }
    if (set.searchesNames) {
      searchNames(view);
      for (const hit of nameHits) {
        const list = set.names[hit.entry];
        if (list !== undefined) mark(list);
      }
    }
    // Criterion order; the lists are short, so an insertion sort beats a typed-array view and its sort.
    if (candidateCount > 32) candidates.subarray(0, candidateCount).sort();
    else {
      for (let i = 1; i < candidateCount; i++) {
        const c = candidates[i];
        let j = i;
        while (j > 0 && candidates[j - 1] > c) {
          candidates[j] = candidates[j - 1];
          j--;
        }
        candidates[j] = c;
      }
    }
  }

  interface Found {
    readonly position: number;
    readonly house: number;
    readonly hit: RiskHit;
  }

  function run(set: IndexSet, view: RiskConsignment, house: number, subject: RiskSubject, found: Found[]): void {
    collect(set, view);
    for (let k = 0; k < candidateCount; k++) {
      const position = candidates[k];
      const entry = entries[position];
      if (entry.owner !== null && entry.owner !== subject.responsibleMemberState) continue;
      if (!entry.condition.test(view, context)) continue;
      const matched: MatchedCondition[] = [];
      entry.condition.explain(view, context, matched);
      const { criterion } = entry;
      const reduced = view.aeo && entry.reduction > 0;
      const score = reduced ? Math.max(AEO_SCORE_FLOOR, Math.round(criterion.score * (1 - entry.reduction))) : criterion.score;
      const hit: RiskHit = {
        criterionId: criterion.id,
        version: criterion.version,
        riskArea: criterion.riskArea,
        ...(view.houseDocument !== null ? { house: view.houseDocument } : {}),
        matched,
        score,
        aeoReduced: reduced,
      };
      found.push({ position, house, hit });
    }
  }

  return {
    at,
    active: entries.map(({ criterion }) => ({ id: criterion.id, version: criterion.version })),
    applicable: (phase, responsibleMemberState) =>
      entries.filter(({ criterion }) => appliesTo(criterion, phase, responsibleMemberState)).map(({ criterion }) => ({ id: criterion.id, version: criterion.version })),
    evaluate(subject) {
      const phaseSets = sets[subject.phase];
      const found: Found[] = [];
      if (phaseSets.ens.size > 0) run(phaseSets.ens, subject.ens, -1, subject, found);
      if (phaseSets.house.size > 0) subject.houses.forEach((view, i) => run(phaseSets.house, view, i, subject, found));
      if (found.length > 1) found.sort((a, b) => a.position - b.position || a.house - b.house);
      let totalScore = 0;
      const hits = found.map(({ hit }) => {
        totalScore += hit.score;
        return hit;
      });
      return { mrn: subject.mrn, phase: subject.phase, responsibleMemberState: subject.responsibleMemberState, hits, totalScore };
    },
  };
}
