/**
 * A large, realistic event log for the audit benchmark: the events the services themselves would have appended,
 * loaded without going through append. Each ENS is a script that asks the services' own pure deciders for its
 * events (common-repository's filing and arrival deciders, risk-analysis's risk decider with the real criteria
 * engine over the criteria files, control-results's control-case decider, crms's RIF and crisis-alert deciders), so
 * every payload is what the projections read in production: realistic filings from libs/testing (express, postal,
 * road, rail and air complete datasets; air PLACI and maritime master + houses that link, complete and are checked
 * for consistency), responsibility, completions, analyses with real hits, risk-unit referrals, dismissals,
 * escalations, do-not-loads, assessments with control recommendations, control cases, decisions and results,
 * amendments with re-analysis, invalidations, arrivals and presentations, and a few RIFs and crisis alerts.
 *
 * ENS come in waves whose lifecycles interleave, as concurrent filings do: each round every ENS of the wave takes
 * its next step (one command, one append), or waits for its clock (a risk unit's answer, an arrival hours later).
 * The log's clock moves one second per event and every event's domain time is the clock of its append.
 *
 * The rows are written as integrity-log.ts writes them (multi-row INSERT of 5,000 rows per transaction, hashes
 * chained here exactly as the store chains them, a checkpoint signed every so often). integrity-log.ts exports
 * its own fixed log, but its loader's pieces (row JSON, INSERT, uuid v7 ids, checkpoint wait) are shared from
 * there; the hash itself is the event store's eventHash.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { batchJson, checkpointCovering, INSERT_SQL, uuidV7At, type LogRow } from './integrity-log';
import {
  CONTROL_OUTCOMES,
  CONTROL_TYPES,
  houseConsignmentsOf,
  type ControlEvent,
  type ControlOutcome,
  type EnsEvent,
  type EnsFiling,
  type MemberStateUser,
  type RifAuthor,
  type RiskAnalysed,
  type RiskAnalysisPhase,
  type RiskEvent,
} from '@ics2/contracts';
import { customsOfficeCountry, formatMrn, MRN_PROCEDURE_LETTERS, normaliseMemberStateCode, systemActor, type Actor, type Command, type CustomsOffice, type Decider, type Event } from '@ics2/domain';
import {
  arrivalStream,
  controlStream,
  crisisStream,
  ensStream,
  eventHash,
  GENESIS_HASH,
  rifStream,
  riskStream,
  type CheckpointSigner,
} from '@ics2/event-store';
import { airPlaciScenario, maritimeScenario, sampleFiling, sampleRandom, type MultipleFiling, type SampleRandom } from '@ics2/testing';
import { arrivalDecider } from '../../services/common-repository/src/domain/arrival.decider';
import { filingDecider } from '../../services/common-repository/src/domain/filing.decider';
import type { FilingState } from '../../services/common-repository/src/domain/filing.state';
import { summariseHouse } from '../../services/common-repository/src/domain/rules/house-summary';
import { controlCaseDecider } from '../../services/control-results/src/domain/control-case.decider';
import { caseFromAnalysis } from '../../services/control-results/src/open-control-case/case-from-analysis';
import { crisisAlertDecider } from '../../services/crms/src/domain/crisis/crisis-alert.decider';
import { rifDecider } from '../../services/crms/src/domain/rif/rif.decider';
import { compileCriteria, houseDocumentsOf, loadCriteriaFiles, riskSubjectOf, type CompiledCriteria } from '../../services/risk-analysis/src/domain/criteria';
import { actorOfRiskEvent } from '../../services/risk-analysis/src/domain/risk/risk.actors';
import { riskDecider } from '../../services/risk-analysis/src/domain/risk/risk.decider';

const INSERT_BATCH = 5_000;
const EPOCH = Date.parse('2026-01-05T08:00:00.000Z');
/** The log's clock moves this much per event (about 11.6 days for 1,000,000 events). */
const TICK_MS = 1_000;
export const ENS_PER_WAVE = 1_000;
/** risk-analysis's default deadlines (service.config.ts). */
const DEADLINE_MS: Record<RiskAnalysisPhase, number> = { 'pre-loading': 30 * 60_000, 'pre-arrival': 4 * 3_600_000 };
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

// -- randomness and identifiers -----------------------------------------------------------------------------------

/** Deterministic per seed, never Math.random: libs/testing's mulberry32. */
const random = sampleRandom;
type Random = SampleRandom;

const eventId = uuidV7At;

let serial = 0;
/** A valid MRN of the Member State whose office registers it (check digit and all); unique in the log. */
const nextMrn = (office: string, procedure: string = MRN_PROCEDURE_LETTERS.ens) =>
  formatMrn({ year: 2026, memberState: countryOf(office), serial: BigInt(++serial), procedure });

const countryOf = (office: string) => normaliseMemberStateCode(customsOfficeCountry(office as CustomsOffice));
const iso = (ms: number) => new Date(ms).toISOString();
const filerOf = (f: EnsFiling) => (f.representative?.identificationNumber ?? f.declarant.identificationNumber) as string;
const officeOf = (f: EnsFiling) => f.customsOfficeOfFirstEntry.referenceNumber as string;

// -- streams and steps --------------------------------------------------------------------------------------------

/** One stream's aggregate, decided by the service's own decider; a refusal is a bug of this script, so it throws. */
class Aggregate<C extends Command, E extends Event, S> {
  state: S;
  readonly history: E[] = [];
  constructor(
    readonly streamId: string,
    private readonly decider: Decider<C, E, S, unknown>,
  ) {
    this.state = decider.initialState();
  }

  decide(command: C): readonly E[] {
    const out = this.decider.decide(command, this.state);
    if (!Array.isArray(out)) throw new Error(`${this.streamId}: ${command.type} refused: ${JSON.stringify(out)}`);
    for (const e of out as readonly E[]) {
      this.state = this.decider.evolve(this.state, e);
      this.history.push(e);
    }
    return out as readonly E[];
  }
}

/** What one command appends to one stream: its events, who asked, and what caused it. */
interface Step {
  readonly streamId: string;
  readonly events: readonly { readonly type: string; readonly data: unknown }[];
  readonly actor: Actor;
  /** An event's own actor when it is not the step's, as the service's handleCommand takes it (`actorOf`). */
  readonly actorOf?: (event: Step['events'][number]) => Actor | undefined;
  readonly correlationId: string;
  readonly causationId: string | null;
}

/** A script yields steps, decided when the log reaches them (`at`), or waits for its clock; it gets back the ids. */
type Yielded = ((at: number) => Step | null) | { readonly waitUntil: number };
type Script = Generator<Yielded, void, readonly string[]>;

const SCHEMA_VERSION = 1; // every event type of the contracts is at schema version 1

// -- the world the scripts share ----------------------------------------------------------------------------------

export interface World {
  readonly engine: CompiledCriteria;
  readonly aeo: ReadonlySet<string>;
  /** Filings registered, for the timeline lookups: every MRN of an ENS, the head first, and where the log had got to. */
  readonly filings: LoggedEns[];
  /** Events emitted so far. */
  emitted: number;
}

export interface LoggedEns {
  readonly kind: string;
  /** The head first, then each house as it was registered. */
  readonly mrns: string[];
  /** Events in the log before this ENS's first registration. */
  at: number;
}

function loadEngine(): CompiledCriteria {
  const dir = join(__dirname, '..', '..', 'services', 'risk-analysis', 'src', 'criteria-files');
  const loaded = loadCriteriaFiles(readdirSync(dir).map((name) => ({ name, content: readFileSync(join(dir, name), 'utf8') })));
  if (!loaded.ok) throw new Error(`criteria files: ${JSON.stringify(loaded.errors)}`);
  return compileCriteria(loaded.criteria, iso(EPOCH));
}

function loadAeo(): ReadonlySet<string> {
  return new Set(JSON.parse(readFileSync(join(__dirname, '..', '..', 'services', 'risk-analysis', 'src', 'aeo', 'operators.json'), 'utf8')) as string[]);
}

type Filing = Aggregate<Parameters<typeof filingDecider.decide>[0], EnsEvent, FilingState>;
type Risk = Aggregate<Parameters<typeof riskDecider.decide>[0], RiskEvent, ReturnType<typeof riskDecider.initialState>>;
type Control = Aggregate<Parameters<typeof controlCaseDecider.decide>[0], ControlEvent, ReturnType<typeof controlCaseDecider.initialState>>;

const filingAggregate = (mrn: string): Filing => new Aggregate(ensStream(mrn), filingDecider);
const recorded = (f: Filing) => {
  if (f.state.status === 'none') throw new Error(`${f.streamId} is not registered`);
  return f.state;
};

const ensStep = (f: Filing, events: readonly EnsEvent[], actor: Actor, causationId: string | null = null): Step => ({
  streamId: f.streamId,
  events,
  actor,
  correlationId: f.streamId.slice(4),
  causationId,
});

const LINKING = systemActor('common-repository.linking');
const CONTROLS = systemActor('common-repository.controls');
const ENGINE = systemActor('risk-analysis.engine');
const DEADLINES = systemActor('risk-analysis.deadlines');
const INTAKE = systemActor('control-results.intake');
const trader = (eori: string): Actor => ({ kind: 'trader', eori });
const officer = (u: MemberStateUser): Actor => ({ kind: 'member-state', memberState: u.memberState, userId: u.userId });

// -- one ENS ------------------------------------------------------------------------------------------------------

type Shape = 'express' | 'postal' | 'road' | 'rail' | 'air' | 'air-placi' | 'maritime';
const SHAPES: readonly Shape[] = ['express', 'express', 'express', 'express', 'postal', 'postal', 'road', 'rail', 'air', 'air-placi', 'air-placi', 'maritime'];
const COMPLETE_TYPE: Record<Exclude<Shape, 'air-placi' | 'maritime'>, 'F30' | 'F40' | 'F50' | 'F51' | 'F20'> = { express: 'F30', postal: 'F40', road: 'F50', rail: 'F51', air: 'F20' };

function filingsOf(shape: Shape, seed: number, rnd: Random): { master: EnsFiling; houses: readonly EnsFiling[] } {
  if (shape === 'air-placi' || shape === 'maritime') {
    const options = { seed, houses: rnd.int(2, 3) };
    const m: MultipleFiling = shape === 'air-placi' ? airPlaciScenario(options) : maritimeScenario(options);
    return { master: m.master, houses: m.houses };
  }
  return { master: sampleFiling(COMPLETE_TYPE[shape], { seed, houses: rnd.int(1, 2), goodsItems: rnd.int(1, 3) }), houses: [] };
}

/** The ENS's life, step by step: what the services would append for it, in causal order. */
function* ensScript(world: World, seed: number, clock: { ms: number }): Script {
  const rnd = random(seed);
  const shape = rnd.pick(SHAPES);
  const { master, houses } = filingsOf(shape, seed, rnd);
  const office = officeOf(master);
  const head = filingAggregate(nextMrn(office));
  const members = houses.map((h) => filingAggregate(nextMrn(officeOf(h))));
  const logged: LoggedEns = { kind: houses.length ? `${shape} (master + ${houses.length} houses)` : `${shape} (complete dataset)`, mrns: [], at: 0 };
  const all = [head, ...members];
  const completionIds: { phase: RiskAnalysisPhase; id: string }[] = [];
  const noteCompletions = (events: readonly EnsEvent[], ids: readonly string[]) =>
    events.forEach((e, i) => e.type === 'EnsFilingCompleted' && e.data.members[0] === e.data.mrn && completionIds.push({ phase: e.data.phase, id: ids[i] }));

  // Registration (IE3Fxx), then for a multiple filing the linking processor: the master pending, each house
  // registered a few minutes later and linked on both streams; the last link completes the ENS, the houses join it
  // and the consistency check runs.
  const register = (f: Filing, filing: EnsFiling) => (at: number) => {
    const mrn = f.streamId.slice(4);
    if (logged.mrns.length === 0) world.filings.push(Object.assign(logged, { at: world.emitted }));
    logged.mrns.push(mrn);
    return ensStep(f, f.decide({ type: 'RegisterFiling', data: { mrn, filing, filedBy: filerOf(filing), at: iso(at) } }), trader(filerOf(filing)));
  };
  let ids = yield register(head, master);
  const registeredId = ids[0];
  {
    const events = head.history;
    noteCompletions(events, ids);
  }
  if (members.length > 0) {
    yield (at) => ensStep(head, head.decide({ type: 'NoteCompleteness', data: { at: iso(at) } }), LINKING, registeredId);
    for (let i = 0; i < members.length; i++) {
      yield { waitUntil: clock.ms + rnd.int(2, 20) * MINUTE };
      const house = members[i];
      const houseRegistered = (yield register(house, houses[i]))[0];
      const h = recorded(house);
      const m = recorded(head);
      const docs = m.linkingKey.houseDocuments.length === 0 ? [''] : h.linkingKey.houseDocuments.filter((d) => m.linkingKey.houseDocuments.includes(d));
      for (const houseDocument of docs) {
        yield (at) =>
          ensStep(house, house.decide({ type: 'LinkFiling', data: { otherMrn: m.mrn, otherLevel: 'master', otherFilingType: m.filingType, houseDocument, otherParties: m.parties, by: 'linking-key', at: iso(at) } }), LINKING, houseRegistered);
        let masterEvents: readonly EnsEvent[] = [];
        ids = yield (at) => {
          masterEvents = head.decide({ type: 'LinkFiling', data: { otherMrn: h.mrn, otherLevel: 'house', otherFilingType: h.filingType, houseDocument, otherParties: h.parties, by: 'linking-key', at: iso(at) } });
          return ensStep(head, masterEvents, LINKING, houseRegistered);
        };
        noteCompletions(masterEvents, ids);
      }
    }
    const done = head.history.filter((e) => e.type === 'EnsFilingCompleted');
    for (const { data } of done) {
      for (const member of members) {
        yield (at) => ensStep(member, member.decide({ type: 'JoinCompletedEns', data: { headMrn: data.mrn, phase: data.phase, members: data.members, at: iso(at) } }), LINKING, registeredId);
      }
    }
    if (done.length > 0) {
      const summaries = members.flatMap((f) => houseConsignmentsOf(recorded(f).filing).map((hc) => ({ mrn: f.streamId.slice(4), summary: summariseHouse(hc) })));
      yield (at) => ensStep(head, head.decide({ type: 'CheckConsistency', data: { houses: summaries, at: iso(at) } }), LINKING, registeredId);
    }
  }
  if (completionIds.length === 0) return; // a master whose houses did not all come (never here, but possible)

  // Risk analysis of each completed phase, by the engine on the ENS as it stands.
  const risk: Risk = new Aggregate(riskStream(recorded(head).mrn), riskDecider);
  // An automatic completion a risk unit's decision sets off is the engine's act, as risk-analysis records it.
  const riskStep = (events: readonly RiskEvent[], actor: Actor, causationId: string | null): Step => ({
    streamId: risk.streamId,
    events,
    actor,
    actorOf: (event) => actorOfRiskEvent(event as RiskEvent),
    correlationId: recorded(head).mrn,
    causationId,
  });
  const analyse = (phase: RiskAnalysisPhase, trigger: RiskAnalysed['data']['trigger'], causeId: string) => (at: number) => {
    const h = recorded(head);
    const consistency = head.history.filter((e) => e.type === 'EnsConsistencyChecked').pop();
    const subject = riskSubjectOf(h.filing, {
      mrn: h.mrn,
      phase,
      members: members.map((m) => recorded(m).filing),
      consistency: consistency?.type === 'EnsConsistencyChecked' ? { outcome: consistency.data.outcome, differences: consistency.data.differences } : null,
      aeoOperators: world.aeo,
      responsibleMemberState: h.responsibleMemberState ?? undefined,
    });
    const assessment = world.engine.evaluate(subject);
    const events = risk.decide({
      type: 'Analyse',
      data: {
        mrn: h.mrn,
        phase,
        trigger,
        members: all.map((f) => recorded(f).mrn),
        responsibleMemberState: assessment.responsibleMemberState,
        involvedMemberStates: h.involvedMemberStates,
        personFiling: h.parties.filedBy,
        ...(h.parties.carrier ? { carrier: h.parties.carrier } : {}),
        aeoParties: [h.parties.filedBy, h.parties.carrier].filter((p): p is string => !!p && world.aeo.has(p)),
        // As analyse-filing.handler.ts records them: the house documents decisions may name, the criteria that apply.
        houseDocuments: houseDocumentsOf(subject),
        criteria: world.engine.applicable(phase, assessment.responsibleMemberState),
        hits: assessment.hits,
        totalScore: assessment.totalScore,
        manualReview: false,
        analysedAt: iso(at),
        dueAt: iso(at + DEADLINE_MS[phase]),
      },
    });
    return riskStep(events, ENGINE, causeId);
  };
  for (const c of completionIds) yield analyse(c.phase, 'ens-complete', c.id);

  // Now and then the filer amends (a delayed flight): the ENS is analysed again for each phase.
  if (rnd.chance(0.08)) {
    yield { waitUntil: clock.ms + rnd.int(5, 60) * MINUTE };
    const amendedId = (yield (at) => {
      const h = recorded(head);
      const means = h.filing.activeBorderTransportMeans;
      const eta = iso(at + rnd.int(6, 30) * HOUR).replace('.000Z', 'Z');
      const filing: EnsFiling = means ? { ...h.filing, activeBorderTransportMeans: { ...means, estimatedDateAndTimeOfArrival: eta } } : h.filing;
      return ensStep(head, head.decide({ type: 'AmendFiling', data: { messageId: `amd-${h.mrn}`, filing, by: h.parties.filedBy, at: iso(at) } }), trader(h.parties.filedBy));
    })[0];
    for (const c of completionIds) yield analyse(c.phase, 'amendment', amendedId);
  }

  // The responsible risk unit works the analyses that went to it (hits): referrals, dismissals, escalation past the
  // deadline, and a conclusion: do-not-load (pre-loading), or the assessment, with a control recommendation or not.
  // The office of first entry decides the responsible Member State; its customs offices decide and control.
  const ms = countryOf(office);
  const user = (a: RiskAnalysed['data']): MemberStateUser => ({ memberState: a.responsibleMemberState, userId: `${a.responsibleMemberState.toLowerCase()}-risk-${rnd.int(1, 9)}` });
  let stopped = false;
  let controlled: { caseId: string; control: boolean } | null = null;
  const control: Control = new Aggregate(controlStream(recorded(head).mrn), controlCaseDecider);
  const controlStep = (events: readonly ControlEvent[], actor: Actor, causationId: string | null): Step => ({ streamId: control.streamId, events, actor, correlationId: recorded(head).mrn, causationId });
  // The latest analysis of each phase, when it waits for the risk unit (earlier ones were superseded), pre-loading
  // first, as the decider requires: a pre-arrival assessment while pre-loading is open is refused (92), and assessing
  // pre-loading completes a pre-arrival analysis held for it (skipped below).
  const latest = new Map(risk.history.filter((e): e is RiskAnalysed => e.type === 'RiskAnalysed').map((a) => [a.data.phase, a]));
  const assessed = (analysisId: string) => risk.history.some((e) => e.type === 'RiskAssessmentCompleted' && e.data.analysisId === analysisId);
  const open = (['pre-loading', 'pre-arrival'] as const).flatMap((phase) => latest.get(phase) ?? []).filter((a) => !assessed(a.data.analysisId));
  for (const analysis of open) {
    const a = analysis.data;
    if (assessed(a.analysisId)) continue;
    yield { waitUntil: clock.ms + rnd.int(5, 40) * MINUTE };
    const path = rnd.next();
    if (path < 0.06) {
      yield { waitUntil: Date.parse(a.dueAt) };
      yield (at) => riskStep(risk.decide({ type: 'Escalate', data: { at: iso(at) } }), DEADLINES, null);
    }
    if (path >= 0.06 && path < 0.26) {
      // An IE3Q03 names the house documents to screen (mandatory, the consignment's own): without one, an RFI.
      const houses = a.houseDocuments ?? [];
      const kind = rnd.chance(0.7) || houses.length === 0 ? 'RFI' : 'RFS';
      const u = user(a);
      yield (at) =>
        riskStep(
          risk.decide({
            type: 'RequestReferral',
            data: { analysisId: a.analysisId, kind, houseDocuments: kind === 'RFS' ? houses.slice(0, 1) : [], ...(kind === 'RFI' ? { information: 'commercial invoice and packing list' } : { recommendedMethods: ['XRY', 'EDD'] }), user: u, at: iso(at) },
          }),
          officer(u),
          null,
        );
      const requested = risk.history[risk.history.length - 1];
      yield { waitUntil: clock.ms + rnd.int(20, 180) * MINUTE };
      if (requested.type === 'ReferralRequested') {
        const by = a.personFiling;
        yield (at) =>
          riskStep(
            risk.decide({
              type: 'AnswerReferral',
              data:
                kind === 'RFI'
                  ? { reference: requested.data.reference, by, at: iso(at), messageType: 'IE3R02', information: 'invoice INV-2026-0117 and packing list attached', documents: [{ type: 'N380', referenceNumber: 'INV-2026-0117' }] }
                  : { reference: requested.data.reference, by, at: iso(at), messageType: 'IE3R03', screening: { result: 'clear', methods: ['XRY'] } },
            }),
            trader(by),
            null,
          );
      }
    }
    if (path >= 0.26 && path < 0.4 && a.hits.length > 0) {
      const hit = a.hits[0];
      const u = user(a);
      yield (at) =>
        riskStep(
          risk.decide({ type: 'DismissHit', data: { analysisId: a.analysisId, criterionId: hit.criterionId, version: hit.version, ...(hit.house ? { house: hit.house } : {}), reason: 'known regular shipper', user: u, at: iso(at) } }),
          officer(u),
          null,
        );
    }
    const u = user(a);
    if (a.phase === 'pre-loading' && rnd.chance(0.04)) {
      yield (at) => riskStep(risk.decide({ type: 'IssueDoNotLoad', data: { analysisId: a.analysisId, houseDocuments: [], reason: 'goods declared do not match the screening image', user: u, at: iso(at) } }), officer(u), null);
      stopped = true;
      break;
    }
    const recommend = controlled === null && rnd.chance(0.35);
    const recommendation = recommend ? { controlType: rnd.pick(Object.keys(CONTROL_TYPES)), place: office, memberState: ms, reason: `${a.hits[0]?.criterionId ?? 'risk unit'} hit` } : undefined;
    let completed: RiskEvent | undefined;
    const completedId = (yield (at) => {
      // A refusal throws in Aggregate.decide; an answer without this analysis's assessment is as much a bug here.
      const events = risk.decide({ type: 'CompleteAssessment', data: { analysisId: a.analysisId, ...(recommendation ? { controlRecommendation: recommendation } : {}), user: u, at: iso(at) } });
      completed = events[0];
      if (completed?.type !== 'RiskAssessmentCompleted' || completed.data.analysisId !== a.analysisId) throw new Error(`${risk.streamId}: CompleteAssessment of ${a.analysisId} did not assess it: ${JSON.stringify(events)}`);
      return riskStep(events, officer(u), null);
    })[0];
    if (recommendation) {
      // control-results' intake opens the case from the risk stream as it stood (this assessment, not a held
      // pre-arrival one completed after it in the same append); the Member State of control decides.
      if (completed?.type !== 'RiskAssessmentCompleted') throw new Error('expected the assessment');
      const opened = caseFromAnalysis(completed.data, risk.history);
      if (!opened) throw new Error(`no case from ${completed.data.analysisId}`);
      yield () => controlStep(control.decide({ type: 'OpenControlCase', data: opened }), INTAKE, completedId);
      yield { waitUntil: clock.ms + rnd.int(10, 90) * MINUTE };
      const doIt = rnd.chance(0.85);
      const decider: MemberStateUser = { memberState: ms, userId: `${ms.toLowerCase()}-control-${rnd.int(1, 5)}` };
      const decidedId = (yield (at) =>
        controlStep(
          control.decide({
            type: 'DecideControl',
            data: doIt
              ? { caseId: opened.caseId, control: true, controlType: recommendation.controlType, office, user: decider, at: iso(at) }
              : { caseId: opened.caseId, control: false, reason: 'capacity needed elsewhere', user: decider, at: iso(at) },
          }),
          officer(decider),
          null,
        ))[0];
      controlled = { caseId: opened.caseId, control: doIt };
      if (doIt) {
        for (const f of all) yield (at) => ensStep(f, f.decide({ type: 'NoteControl', data: { memberState: decider.memberState, source: `control-results:${opened.caseId}`, at: iso(at) } }), CONTROLS, decidedId);
      }
    }
  }
  if (stopped) return;

  // Some filings are invalidated by their filer (the goods will not come).
  if (!controlled?.control && rnd.chance(0.02)) {
    yield { waitUntil: clock.ms + rnd.int(10, 120) * MINUTE };
    yield (at) => {
      const h = recorded(head);
      return ensStep(head, head.decide({ type: 'InvalidateFiling', data: { messageId: `inv-${h.mrn}`, by: h.parties.filedBy, at: iso(at) } }), trader(h.parties.filedBy));
    };
    return;
  }

  // Arrival (IE3N06): the carrier notifies; each filing records it on its own stream, then the arrival is registered.
  if (!rnd.chance(0.93)) return; // still on its way when the log ends
  yield { waitUntil: Date.parse(recorded(head).registeredAt) + rnd.int(2, 10) * HOUR };
  const h = recorded(head);
  const notifiedBy = h.parties.carrier ?? h.parties.filedBy;
  const arrivalMrn = nextMrn(office, MRN_PROCEDURE_LETTERS.arrivalRegistration);
  const arrivedAt = clock.ms;
  for (const f of all) {
    yield (at) =>
      ensStep(f, f.decide({ type: 'RecordArrival', data: { arrivalMrn, arrivedAt: iso(arrivedAt), officeOfArrival: office, notifiedBy, at: iso(at) } }), trader(notifiedBy));
  }
  const arrival = new Aggregate(arrivalStream(arrivalMrn), arrivalDecider);
  const means = h.filing.activeBorderTransportMeans;
  yield (at) => ({
    streamId: arrival.streamId,
    events: arrival.decide({
      type: 'RegisterArrival',
      data: {
        arrivalMrn,
        messageId: `arr-${arrivalMrn}`,
        notifiedBy,
        officeOfArrival: office,
        arrivedAt: iso(arrivedAt),
        ...(means?.identificationNumber ? { transportMeans: { identificationNumber: means.identificationNumber, ...(means.conveyanceReferenceNumber ? { conveyanceReferenceNumber: means.conveyanceReferenceNumber } : {}) } } : {}),
        arrived: all.map((f) => recorded(f).mrn),
        refused: [],
        registeredAt: iso(at),
      },
    }),
    actor: trader(notifiedBy),
    correlationId: arrivalMrn,
    causationId: null,
  });

  // Presentation to customs, then the control's result.
  if (rnd.chance(0.75) || controlled?.control) {
    yield { waitUntil: clock.ms + rnd.int(20, 180) * MINUTE };
    const presenter: MemberStateUser = { memberState: ms, userId: `${ms.toLowerCase()}-office-${rnd.int(1, 5)}` };
    for (const f of all) yield (at) => ensStep(f, f.decide({ type: 'RecordPresentation', data: { office, presentedAt: iso(at), memberState: ms } }), officer(presenter));
  }
  if (controlled?.control) {
    yield { waitUntil: clock.ms + rnd.int(30, 240) * MINUTE };
    const caseId = controlled.caseId;
    const outcome = rnd.pick<ControlOutcome>(['no-irregularity', 'no-irregularity', 'no-irregularity', 'no-irregularity', 'irregularity-found', 'seizure', 'not-performed']);
    const u: MemberStateUser = { memberState: ms, userId: `${ms.toLowerCase()}-control-${rnd.int(1, 5)}` };
    if (!(outcome in CONTROL_OUTCOMES)) throw new Error(outcome);
    yield (at) =>
      controlStep(
        control.decide({
          type: 'RecordControlResult',
          data: {
            caseId,
            outcome,
            findings: outcome === 'not-performed' ? { notes: 'the consignment had left before the control' } : outcome === 'no-irregularity' ? {} : { goods: 'undeclared lithium batteries', notes: 'detained' },
            released: outcome === 'no-irregularity' || outcome === 'not-performed',
            user: u,
            at: iso(at),
          },
        }),
        officer(u),
        null,
      );
  }
}

// -- crms: a RIF now and then, a crisis alert more rarely -----------------------------------------------------------

const AUTHORS: readonly RifAuthor[] = ['DE', 'FR', 'NL', 'BE', 'IT', 'ES'].map((ms) => ({ kind: 'member-state', memberState: ms, userId: `${ms.toLowerCase()}-risk-1` }));
/** A crms id as crms allocates them (door-answers.ts allocateId): `<prefix>-<MS>-<10 of BASE32>` from a digest. */
const crmsId = (prefix: string, author: RifAuthor, n: number) => {
  const scope = author.kind === 'member-state' ? author.memberState : 'EU';
  const digest = createHash('sha256').update(`${prefix}\u001f${scope}\u001fbench-${n}`).digest();
  return `${prefix}-${scope}-${Array.from(digest.subarray(0, 10), (b) => 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[b % 32]).join('')}`;
};

function* rifScript(n: number, clock: { ms: number }): Script {
  const rnd = random(0x5eed + n);
  const author = rnd.pick(AUTHORS);
  const rifId = crmsId('RIF', author, n);
  const rif = new Aggregate(rifStream(rifId), rifDecider);
  const step = (events: readonly { type: string; data: unknown }[], by: RifAuthor): Step => ({
    streamId: rif.streamId,
    events,
    actor: by.kind === 'member-state' ? { kind: 'member-state', memberState: by.memberState, userId: by.userId } : { kind: 'admin', userId: by.userId },
    correlationId: rifId,
    causationId: null,
  });
  const content = (at: number) => ({
    category: rnd.pick(['security', 'safety', 'financial', 'ipr'] as const),
    title: `Undervalued consignments via hub ${n}`,
    riskDescription: 'E-commerce parcels declared far below their value, routed through one hub.',
    goods: [{ hsCode: '851712', description: 'mobile phones' }],
    countries: { origin: ['CN'], routing: ['AE'] },
    validFrom: iso(at),
    validTo: iso(at + 120 * 24 * HOUR),
  });
  yield (at) => step(rif.decide({ type: 'DraftRif', data: { rifId, by: author, content: content(at), at: iso(at) } }), author);
  yield { waitUntil: clock.ms + rnd.int(1, 6) * HOUR };
  yield (at) => step(rif.decide({ type: 'PublishRif', data: { by: author, recipients: 'all', at: iso(at) } }), author);
  for (const other of AUTHORS.filter((a) => a !== author).slice(0, rnd.int(2, 4))) {
    yield { waitUntil: clock.ms + rnd.int(1, 12) * HOUR };
    yield (at) =>
      step(rif.decide({ type: 'RecordFeedback', data: { by: other, feedback: { evaluated: true, measuresTaken: 'national profile adjusted', relevance: rnd.pick(['high', 'medium', 'low'] as const) }, at: iso(at) } }), other);
  }
  if (rnd.chance(0.5)) {
    yield { waitUntil: clock.ms + rnd.int(6, 48) * HOUR };
    yield (at) => step(rif.decide({ type: 'CloseRif', data: { by: author, reason: 'the route was closed', at: iso(at) } }), author);
  }
}

function* crisisScript(n: number): Script {
  const author = AUTHORS[n % AUTHORS.length];
  const alertId = crmsId('CRISIS', author, n);
  const alert = new Aggregate(crisisStream(alertId), crisisAlertDecider);
  yield (at) => ({
    streamId: alert.streamId,
    events: alert.decide({ type: 'PublishCrisisAlert', data: { alertId, title: `Contaminated food products ${n}`, description: 'Recall of contaminated spices.', memberStates: 'all', by: author, at: iso(at) } }),
    actor: { kind: 'member-state', memberState: author.kind === 'member-state' ? author.memberState : 'EU', userId: author.userId },
    correlationId: alertId,
    causationId: null,
  });
}

// -- the log ------------------------------------------------------------------------------------------------------

type Row = LogRow;

/** The log in order: waves of ENS whose scripts take turns, one step each per round. */
export function* auditLog(total: number, world: World): Generator<Row> {
  const heads = new Map<string, string>();
  const revisions = new Map<string, number>();
  const clock = { ms: EPOCH };
  let ensSeed = 0;
  let rifs = 0;
  let alerts = 0;
  while (world.emitted < total) {
    const scripts: { script: Script; next: IteratorResult<Yielded, void> }[] = [];
    const add = (script: Script) => scripts.push({ script, next: script.next([]) });
    for (let k = 0; k < ENS_PER_WAVE; k++) add(ensScript(world, ++ensSeed, clock));
    for (let k = 0; k < 2; k++) add(rifScript(++rifs, clock));
    if (ensSeed % (5 * ENS_PER_WAVE) === 0) add(crisisScript(++alerts));
    let live = scripts;
    while (live.length > 0 && world.emitted < total) {
      let emitted = 0;
      let wake = Infinity;
      for (const item of live) {
        if (world.emitted >= total) break;
        const y = item.next;
        if (y.done) continue;
        if ('waitUntil' in y.value) {
          if (y.value.waitUntil > clock.ms) {
            wake = Math.min(wake, y.value.waitUntil);
            continue;
          }
          item.next = item.script.next([]);
          continue;
        }
        const at = clock.ms;
        const step = y.value(at);
        const ids: string[] = [];
        if (step) {
          for (const event of step.events) {
            if (world.emitted >= total) break;
            const revision = revisions.get(step.streamId) ?? 0;
            const content = {
              streamId: step.streamId,
              revision,
              id: eventId(clock.ms),
              type: event.type,
              // As it reads back from jsonb: an undefined member is no member.
              data: JSON.parse(JSON.stringify(event.data)) as unknown,
              metadata: {
                schemaVersion: SCHEMA_VERSION,
                occurredAt: iso(at),
                correlationId: step.correlationId,
                causationId: step.causationId,
                actor: step.actorOf?.(event) ?? step.actor,
              },
              recordedAt: iso(clock.ms),
            };
            const hash = eventHash(content, heads.get(step.streamId) ?? GENESIS_HASH);
            heads.set(step.streamId, hash);
            revisions.set(step.streamId, revision + 1);
            ids.push(content.id);
            world.emitted++;
            emitted++;
            clock.ms += TICK_MS;
            yield { ...content, hash };
          }
        }
        item.next = item.script.next(ids);
      }
      live = live.filter((item) => !item.next.done);
      if (emitted === 0 && Number.isFinite(wake)) clock.ms = Math.max(clock.ms, wake);
    }
  }
}

export interface LoadedAuditLog {
  /** Generating and loading, VACUUM excluded. */
  readonly seconds: number;
  /** Time to sign each checkpoint, ms. */
  readonly checkpointMs: readonly number[];
  readonly events: number;
  readonly ens: readonly LoggedEns[];
  readonly byType: ReadonlyMap<string, number>;
  readonly streams: number;
}

/** The scripts' shared facts: the criteria engine over the criteria files, the AEO list, the filings logged. */
export function newWorld(): World {
  return { engine: loadEngine(), aeo: loadAeo(), filings: [], emitted: 0 };
}

/**
 * Loads the log of `total` events as the superuser, in as many parts as asked (`loadUpTo`: a benchmark may measure
 * on the first part before the rest is loaded), signing a checkpoint through the application's pool every
 * `checkpointEvery` events and at the end of each part. Each part ends with VACUUM (ANALYZE), as an old log would
 * be: statistics known, hint bits set.
 */
export class AuditLogLoader {
  private readonly world = newWorld();
  private readonly rows: Generator<Row>;
  private readonly admin: Pool;
  private readonly checkpointMs: number[] = [];
  private readonly byType = new Map<string, number>();
  private readonly streams = new Set<string>();
  private loaded = 0;
  private seconds = 0;

  constructor(
    adminUrl: string,
    private readonly app: Pool,
    private readonly signer: CheckpointSigner,
    total: number,
    private readonly checkpointEvery: number,
  ) {
    this.rows = auditLog(total, this.world);
    this.admin = new Pool({ connectionString: adminUrl, max: 1 });
  }

  async loadUpTo(count: number): Promise<LoadedAuditLog> {
    const started = performance.now();
    let batch: Row[] = [];
    let inFlight: Promise<unknown> = Promise.resolve();
    while (this.loaded < count) {
      const next = this.rows.next();
      if (!next.done) {
        const row = next.value;
        this.byType.set(row.type, (this.byType.get(row.type) ?? 0) + 1);
        if (row.revision === 0) this.streams.add(row.streamId);
        batch.push(row);
      }
      if (batch.length === 0) break;
      // Batches end on multiples of INSERT_BATCH across parts, so checkpoints fall every `checkpointEvery` events.
      if (!next.done && (this.loaded + batch.length) % INSERT_BATCH !== 0 && this.loaded + batch.length < count) continue;
      const json = batchJson(batch);
      this.loaded += batch.length;
      batch = [];
      await inFlight;
      // The next batch is built while this one is written.
      inFlight = this.admin.query(INSERT_SQL, [json]);
      if (this.loaded % this.checkpointEvery === 0 || this.loaded === count || next.done) {
        await inFlight;
        this.checkpointMs.push(await checkpointCovering(this.app, this.signer, this.loaded));
      }
      if (this.loaded % 100_000 === 0) console.log(`  ${this.loaded} events loaded`);
      if (next.done) break;
    }
    await inFlight;
    this.seconds += (performance.now() - started) / 1000;
    await this.admin.query('VACUUM (ANALYZE) event_store.events');
    return { seconds: this.seconds, checkpointMs: [...this.checkpointMs], events: this.loaded, ens: this.world.filings, byType: new Map(this.byType), streams: this.streams.size };
  }

  async close(): Promise<void> {
    await this.admin.end();
  }
}

