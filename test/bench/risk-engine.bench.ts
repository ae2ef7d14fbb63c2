/**
 * `npm run bench:risk-engine`: the common risk criteria engine on one core (issue 4: at least 20,000 filings/s
 * against 500 active criteria). Writes its section of docs/benchmarks.md.
 *
 * - 500 criteria drawn from a seed: every condition kind, fuzzy watchlists of 3 to 12 names, EORI and address
 *   lists, and about a third of combinations (all/any/not, nested), EU-wide and Member States' own, both phases.
 *   Every one goes through parseCriterion, as criteria files do.
 * - 24,000 ENS from libs/testing: mostly e-commerce house filings, plus every other family (complete maritime,
 *   air, express, postal, road and rail filings, PLACI and maritime multiple filings as master + houses), a few
 *   flagged inconsistent, a fifth filed by AEOs.
 * - The RiskSubjects are built first and timed on their own (that cost is the service's, once per analysis).
 * - evaluate() then runs single-threaded: warm-up passes, then timed passes over every subject (throughput: best,
 *   median and slowest pass), then one pass timing each call (p50/p99 per filing, in microseconds).
 * - A cross-check: the indexed engine gives exactly the results of a scan of every criterion, on 2,000 subjects.
 *
 * BENCH_SCALE=0.1 cuts the number of filings for a smoke run; BENCH_PASSES sets the timed passes (default 7).
 */
import { isDeepStrictEqual } from 'node:util';
import { loadavg } from 'node:os';
import type { ConsistencyDifference, EnsFiling } from '@ics2/contracts';
import { houseConsignmentsOf } from '@ics2/contracts';
import { filingType } from '@ics2/domain';
import {
  airPlaciScenario,
  airPreArrivalScenario,
  ecommerceHouseFiling,
  maritimeScenario,
  postalPlaciScenario,
  sampleFiling,
  sampleRandom,
  type SampleRandom,
} from '@ics2/testing';
import {
  type CompiledCriteria,
  compileCriteria,
  type Condition,
  type Criterion,
  parseCriterion,
  type RiskSubject,
  riskSubjectOf,
  type RiskSubjectContext,
} from '../../services/risk-analysis/src/domain/criteria';
import { writeBenchmarkReport, type Figure } from './bench-report';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const SEED = 20_250_901;
const CRITERIA = 500;
const FILINGS = Math.max(100, Math.round(24_000 * SCALE));
const WARM_UP_PASSES = 2;
const TIMED_PASSES = Number(process.env.BENCH_PASSES ?? 7);
const CROSS_CHECK = Math.min(2_000, FILINGS);
const AT = '2025-09-01T00:00:00Z';
const TARGET = 20_000;

/** The benchmark's own deterministic stream: libs/testing's mulberry32. */
const random = sampleRandom;
type Random = SampleRandom;

// ---------------------------------------------------------------------------------------------------------------
// The workload: filings and their subjects.

interface Ens {
  readonly filing: EnsFiling;
  readonly context: RiskSubjectContext;
}

const OTHER_TYPES = ['F10', 'F11', 'F13', 'F20', 'F26', 'F28', 'F29', 'F30', 'F32', 'F34', 'F40', 'F43', 'F50', 'F51'] as const;

function phaseOf(type: string): 'pre-loading' | 'pre-arrival' {
  return filingType(type)?.phase === 'pre-loading' ? 'pre-loading' : 'pre-arrival';
}

function flagged(filing: EnsFiling, members: readonly EnsFiling[], r: Random): RiskSubjectContext['consistency'] {
  const houses = [filing, ...members].flatMap((f) => houseConsignmentsOf(f));
  const house = r.pick(houses)?.transportDocumentHouseLevel?.documentNumber;
  const element = r.pick(['grossMass', 'numberOfPackages', 'consignor/name', 'consignee/name']);
  const differences: ConsistencyDifference[] = [{ element, ...(house ? { houseDocument: house } : {}), values: [{ mrn: 'A', value: 10 }, { mrn: 'B', value: 12 }] }];
  return { outcome: 'flagged', differences };
}

function workload(count: number): Ens[] {
  const r = random(SEED);
  const out: Ens[] = [];
  for (let i = 0; i < count; i++) {
    const seed = SEED + i;
    const roll = r.next();
    let filing: EnsFiling;
    let members: readonly EnsFiling[] = [];
    if (roll < 0.8) filing = ecommerceHouseFiling(seed);
    else if (roll < 0.95) filing = sampleFiling(r.pick(OTHER_TYPES), { seed });
    else {
      const kind = r.int(0, 3);
      const scenario =
        kind === 0
          ? airPlaciScenario({ seed })
          : kind === 1
            ? airPreArrivalScenario({ seed })
            : kind === 2
              ? maritimeScenario({ seed })
              : postalPlaciScenario({ seed });
      filing = scenario.master;
      members = scenario.houses;
    }
    const phase = phaseOf(filing.specificCircumstanceIndicator);
    out.push({
      filing,
      context: {
        mrn: `25XX${String(i).padStart(12, '0')}T0`,
        phase,
        members,
        consistency: phase === 'pre-arrival' && r.chance(0.03) ? flagged(filing, members, r) : null,
      },
    });
  }
  return out;
}

/** A fifth of the declarants and carriers seen, as AEOs. */
function aeoOperatorsOf(workloadItems: readonly Ens[]): Set<string> {
  const eoris = new Set<string>();
  for (const { filing } of workloadItems) {
    if (filing.declarant.identificationNumber) eoris.add(filing.declarant.identificationNumber);
    const carrier = filing.consignmentMasterLevel?.carrier?.identificationNumber;
    if (carrier) eoris.add(carrier);
  }
  return new Set([...eoris].sort().filter((_, i) => i % 5 === 0));
}

// ---------------------------------------------------------------------------------------------------------------
// The 500 criteria.

const SENSITIVE_HS = ['3102', '3601', '3602', '3603', '3604', '93', '9301', '9306', '2844', '2845', '8401', '8456', '8457', '2903', '3004', '3003', '2939', '2914', '2932', '7108', '4907', '8526', '8802', '8806', '9013', '2804', '2811', '3824', '8471', '851762'];
const COMMON_HS = ['6109', '6110', '6204', '6403', '6404', '8507', '850760', '8517', '851713', '8518', '9503', '3304', '3303', '4202', '9102', '7117', '8504', '8539', '9004', '3926', '8471', '8528', '4011', '8708', '0813', '1512'];
const RISK_WORDS = ['detonator', 'detonators', 'ammonium nitrate', 'gunpowder', 'black powder', 'tnt', 'pistol', 'rifle', 'ammunition', 'silencer', 'replica', 'counterfeit', 'fake', 'imitation', 'sildenafil', 'tramadol', 'steroids', 'anabolic', 'banknotes', 'gold bars', 'refrigerant', 'hcfc', 'drone', 'drones', 'night vision', 'encryption', 'uranium', 'isotope', 'precursor', 'pmk', 'bmk', 'safrole', 'fentanyl', 'ketamine', 'ivory', 'rhino horn', 'pangolin', 'asbestos', 'mercury', 'cyanide'];
const COMMON_WORDS = ['lithium', 'power banks', 'earphones', 'smartphones', 'chargers', 'perfume', 'parfum', 'handbags', 'leather', 'watches', 'sunglasses', 'shoes', 'sports shoes', 'toys', 'plush', 'cotton', 'jewellery', 'earrings', 'cosmetics', 'creams', 'batteries', 'laptop', 'consoles', 'tyres', 'brake pads', 'apricots', 'seeds'];
const BRANDS = ['rolex', 'omega', 'gucci', 'chanel', 'prada', 'nike', 'adidas', 'airpods', 'beats', 'louis vuitton', 'cartier', 'hermes', 'dior', 'supreme', 'lego'];
const HIC_POOL = ['AF', 'IR', 'KP', 'LY', 'SY', 'YE', 'SO', 'SD', 'ML', 'IQ', 'LB', 'PK', 'VE', 'MM', 'BY', 'RU', 'ER', 'CF'];
const TRADE_POOL = ['CN', 'HK', 'US', 'TR', 'AE', 'IN', 'VN', 'KR', 'SG', 'TH', 'MY', 'UA', 'RS', 'KZ', 'QA'];
const MEMBER_STATES = ['DE', 'FR', 'NL', 'BE', 'IT', 'ES', 'PL', 'AT', 'DK', 'SK'];
const SYLLABLES = [
  ...['zar', 'kov', 'ian', 'vel', 'dra', 'mon', 'tex', 'sul', 'bar', 'rix', 'nol', 'qua', 'mir', 'gos', 'tal', 'ven', 'or', 'ul', 'ka', 'zy'],
  ...['ham', 'bek', 'dov', 'fer', 'gul', 'hoss', 'jin', 'lek', 'mah', 'nur', 'pet', 'ros', 'sab', 'tem', 'vit', 'wen', 'yar', 'zhu', 'bog', 'cze'],
  ...['dag', 'eri', 'fal', 'gry', 'hul', 'isk', 'jov', 'kur', 'lom', 'mek', 'naz', 'osk', 'pry', 'rud', 'sen', 'tur', 'ush', 'vog', 'xan', 'yev'],
];
const NAME_SUFFIXES = ['Trading', 'Import Export', 'Logistics', 'Holdings', 'Industrial', 'International', 'General Trading', 'Freight', 'Supply', 'Enterprises', ''];
const FIRST_NAMES = ['Ivor', 'Nemo', 'Boris', 'Alexei', 'Omar', 'Viktor', 'Dmitri', 'Karim', 'Lazlo', 'Sergei', 'Yusuf', 'Marek', 'Hamid', 'Tariq', 'Jun', 'Wei', 'Oleg', 'Rustam', 'Farid', 'Anton', 'Selim', 'Zoran', 'Goran', 'Ilya'];
const STREET_TERMS = ['anchor lane', 'free zone', 'jebel ali', 'industrial park 9', 'warehouse 17', 'po box 1313', 'sunset boulevard', 'wang hoi road'];

function fictitiousName(r: Random): string {
  const word = () => {
    const w = Array.from({ length: r.int(2, 3) }, () => r.pick(SYLLABLES)).join('');
    return w[0].toUpperCase() + w.slice(1);
  };
  return r.chance(0.3) ? `${r.pick(FIRST_NAMES)} ${word()}` : `${word()} ${r.pick(NAME_SUFFIXES)}`.trim();
}

/** A typo: one letter swapped with the next (names seen in the workload, so some watchlists do hit). */
function typo(name: string, r: Random): string {
  const i = r.int(1, Math.max(1, name.length - 3));
  return name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
}

function fictitiousEori(r: Random): string {
  const country = r.pick(MEMBER_STATES);
  return `${country}9${Array.from({ length: r.int(8, 13) }, () => r.int(0, 9)).join('')}`;
}

interface Vocabulary {
  readonly partyNames: readonly string[];
  readonly eoris: readonly string[];
  readonly meansIds: readonly string[];
}

function vocabularyOf(items: readonly Ens[]): Vocabulary {
  const names = new Set<string>();
  const eoris = new Set<string>();
  const ids = new Set<string>();
  for (const { filing } of items.slice(0, 3_000)) {
    for (const house of houseConsignmentsOf(filing)) {
      if (house.consignor?.name) names.add(house.consignor.name);
      if (house.consignee?.identificationNumber) eoris.add(house.consignee.identificationNumber);
    }
    const id = filing.activeBorderTransportMeans?.identificationNumber;
    if (id) ids.add(id);
  }
  return { partyNames: [...names].sort(), eoris: [...eoris].sort(), meansIds: [...ids].sort() };
}

/**
 * One condition. `broad` draws from common goods, words and trade countries too: used only inside combinations,
 * next to a narrowing condition, as real criteria combine a goods profile with a risk indicator; a criterion on
 * its own looks for a risk indicator (sensitive goods, high-interest countries, watchlists, extreme values).
 */
function leaf(kind: string, r: Random, v: Vocabulary, broad = false): Condition {
  switch (kind) {
    case 'hsPrefix':
      return { kind: 'hsPrefix', prefixes: r.sample(broad && r.chance(0.6) ? COMMON_HS : SENSITIVE_HS, r.int(1, 6)) };
    case 'descriptionTerms': {
      const pool = broad && r.chance(0.6) ? COMMON_WORDS : r.chance(0.7) ? RISK_WORDS : BRANDS;
      return { kind: 'descriptionTerms', match: r.chance(0.85) ? 'any' : 'all', terms: r.sample(pool, r.int(1, 6)) };
    }
    case 'country': {
      const where = r.pick(['routing', 'acceptance', 'loading', 'unloading', 'delivery', 'any'] as const);
      return { kind: 'country', where, countries: r.sample(broad && r.chance(0.3) ? TRADE_POOL : HIC_POOL, r.int(1, 6)) };
    }
    case 'names': {
      const names = Array.from({ length: r.int(3, 12) }, () => fictitiousName(r));
      if (r.chance(0.05)) names.push(typo(r.pick(v.partyNames), r));
      const role = r.chance(0.4) ? r.pick(['consignor', 'consignee', 'seller', 'buyer'] as const) : undefined;
      return { kind: 'party', ...(role ? { role } : {}), names: [...new Set(names)], ...(r.chance(0.2) ? { threshold: r.pick([0.85, 0.92, 0.95]) } : {}) };
    }
    case 'eoris': {
      const eoris = Array.from({ length: r.int(3, 10) }, () => fictitiousEori(r));
      if (r.chance(0.1)) eoris.push(r.pick(v.eoris));
      return { kind: 'party', eoris: [...new Set(eoris)] };
    }
    case 'address':
      return { kind: 'party', role: r.pick(['consignor', 'consignee'] as const), addressTerms: r.sample(STREET_TERMS, r.int(1, 3)) };
    case 'transportMeans': {
      const roll = r.next();
      if (roll < 0.5) return { kind: 'transportMeans', identifications: [...new Set([`ZZ${r.int(1000, 9999)}`, `9${r.int(100000, 999999)}`, ...(r.chance(0.1) ? [r.pick(v.meansIds)] : [])])] };
      if (roll < 0.8 || !broad) return { kind: 'transportMeans', nationalities: r.sample(HIC_POOL, r.int(1, 4)) };
      return { kind: 'transportMeans', modes: [r.pick(['1', '2', '3', '4'])] };
    }
    case 'massAnomaly':
      return r.chance(0.5)
        ? { kind: 'massAnomaly', maxMassPerPackageKg: r.pick(broad ? [0.01, 0.02, 0.05, 0.1] : [0.005, 0.01]) }
        : r.chance(0.5)
          ? { kind: 'massAnomaly', minMassPerPackageKg: r.pick(broad ? [40, 60, 100, 500] : [500, 1000]) }
          : { kind: 'massAnomaly', minGrossMassKg: r.pick(broad ? [500, 1000, 20_000] : [40_000]), maxGrossMassKg: r.pick([50_000, 100_000]) };
    case 'packagesAnomaly':
      return r.chance(0.5) ? { kind: 'packagesAnomaly', min: r.pick(broad ? [500, 1000, 5000] : [5000, 10_000]) } : { kind: 'packagesAnomaly', max: 0 };
    case 'inconsistency':
      return r.chance(0.3) ? { kind: 'inconsistency' } : { kind: 'inconsistency', elements: r.sample(['grossMass', 'numberOfPackages', 'consignor/name', 'consignee/name'], r.int(1, 2)) };
    case 'missingData':
      return { kind: 'missingData', markers: r.sample(['no-hs-code', 'short-description', 'generic-description', 'consignee-no-street', 'consignor-no-street', 'no-gross-mass', 'no-packages', 'no-consignee'], r.int(1, 3)) };
    default:
      throw new Error(`no leaf ${kind}`);
  }
}

/** The shares of the 500 (single conditions first, then combinations, which make up about a third). */
const SINGLE: readonly [string, number][] = [
  ['hsPrefix', 60],
  ['descriptionTerms', 60],
  ['country', 30],
  ['names', 55],
  ['eoris', 20],
  ['address', 10],
  ['transportMeans', 20],
  ['massAnomaly', 10],
  ['packagesAnomaly', 5],
  ['inconsistency', 15],
  ['missingData', 15],
];

function combination(r: Random, v: Vocabulary): Condition {
  const profile = () => leaf(r.pick(['hsPrefix', 'descriptionTerms', 'hsPrefix', 'descriptionTerms', 'names']), r, v, true);
  const indicator = () => leaf(r.pick(['hsPrefix', 'descriptionTerms', 'names']), r, v);
  const narrowing = () => leaf(r.pick(['country', 'country', 'country', 'transportMeans', 'massAnomaly', 'missingData', 'packagesAnomaly', 'names']), r, v);
  const eu = { kind: 'country', where: 'acceptance', countries: r.sample(MEMBER_STATES, r.int(2, 6)) } as const;
  const roll = r.next();
  if (roll < 0.45) return { kind: 'all', of: [profile(), narrowing()] };
  if (roll < 0.6) return { kind: 'any', of: [indicator(), indicator(), ...(r.chance(0.5) ? [indicator()] : [])] };
  if (roll < 0.75) return { kind: 'all', of: [indicator(), { kind: 'not', of: eu }] };
  if (roll < 0.9) return { kind: 'all', of: [{ kind: 'any', of: [profile(), profile()] }, narrowing(), ...(r.chance(0.3) ? [{ kind: 'not', of: leaf('massAnomaly', r, v, true) } as Condition] : [])] };
  return { kind: 'any', of: [{ kind: 'all', of: [profile(), narrowing()] }, { kind: 'all', of: [leaf('names', r, v, true), narrowing()] }] };
}

function generatedCriteria(v: Vocabulary): Criterion[] {
  const r = random(SEED ^ 0x5eed);
  const conditions: Condition[] = [];
  for (const [kind, count] of SINGLE) for (let i = 0; i < count; i++) conditions.push(leaf(kind, r, v));
  while (conditions.length < CRITERIA) conditions.push(combination(r, v));
  return conditions.map((condition, i) => {
    const owner = r.chance(0.15) ? { kind: 'member-state', memberState: r.pick(MEMBER_STATES) } : { kind: 'eu' };
    const phases = r.chance(0.7) ? ['pre-loading', 'pre-arrival'] : r.chance(0.5) ? ['pre-arrival'] : ['pre-loading'];
    const raw = {
      id: `${owner.kind === 'eu' ? 'eu' : (owner as { memberState: string }).memberState.toLowerCase()}-bench-${String(i + 1).padStart(3, '0')}`,
      version: 1,
      title: `Benchmark criterion ${i + 1} (generated, illustrative)`,
      riskArea: r.pick(['security', 'security', 'safety', 'financial', 'product-safety', 'ipr', 'health', 'environment', 'cash']),
      phases,
      validFrom: '2025-01-01T00:00:00Z',
      owner,
      score: r.int(5, 90),
      ...(r.chance(0.4) ? { aeoReduction: r.pick([0.25, 0.5]) } : {}),
      condition,
    };
    const parsed = parseCriterion(raw);
    if (!parsed.ok) throw new Error(`generated criterion ${raw.id} is invalid: ${JSON.stringify(parsed.errors)}`);
    return parsed.criterion;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring.

const now = () => process.hrtime.bigint();
const seconds = (from: bigint, to: bigint) => Number(to - from) / 1e9;

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

let sink = 0;

/** Timed passes over every subject, after the caller's warm-up: filings/s of the best, median and slowest pass. */
function throughput(engine: CompiledCriteria, subjects: readonly RiskSubject[]): { best: number; median: number; worst: number } {
  const rates: number[] = [];
  for (let pass = 0; pass < TIMED_PASSES; pass++) {
    const t = now();
    for (let i = 0; i < subjects.length; i++) sink += engine.evaluate(subjects[i]).totalScore;
    rates.push(subjects.length / seconds(t, now()));
  }
  rates.sort((a, b) => b - a);
  return { best: rates[0], median: rates[Math.floor(rates.length / 2)], worst: rates[rates.length - 1] };
}

/** One pass timing each call: p50, p99 and p99.9 in microseconds. */
function latency(engine: CompiledCriteria, subjects: readonly RiskSubject[]): [number, number, number] {
  const perCall = new Float64Array(subjects.length);
  for (let i = 0; i < subjects.length; i++) {
    const start = now();
    sink += engine.evaluate(subjects[i]).totalScore;
    perCall[i] = Number(now() - start) / 1000;
  }
  perCall.sort();
  return [percentile(perCall, 50), percentile(perCall, 99), percentile(perCall, 99.9)];
}

function main(): void {
  const load = loadavg().map((l) => l.toFixed(2)).join(' / ');
  console.log(`risk-engine bench: ${CRITERIA} criteria, ${FILINGS} ENS, load average ${load}`);

  let t = now();
  const items = workload(FILINGS);
  console.log(`workload generated in ${seconds(t, now()).toFixed(1)} s`);
  const aeoOperators = aeoOperatorsOf(items);
  const criteria = generatedCriteria(vocabularyOf(items));

  t = now();
  const compiled = compileCriteria(criteria, AT);
  const compileMs = seconds(t, now()) * 1000;
  if (compiled.active.length !== CRITERIA) throw new Error(`expected ${CRITERIA} active criteria, got ${compiled.active.length}`);

  // RiskSubjects, timed on their own (best of three passes).
  let subjects: RiskSubject[] = [];
  let subjectSeconds = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    t = now();
    const built = items.map(({ filing, context }) => riskSubjectOf(filing, { ...context, aeoOperators }));
    subjectSeconds = Math.min(subjectSeconds, seconds(t, now()));
    subjects = built;
  }
  const houses = subjects.reduce((n, s) => n + s.houses.length, 0);
  console.log(`riskSubjectOf: ${(subjects.length / subjectSeconds).toFixed(0)} subjects/s (${houses} house consignments)`);

  // Cross-check: neither the indexes nor the name memo change a result.
  const scanned = compileCriteria(criteria, AT, { scan: true, nameCacheSize: 0 });
  const cold = compileCriteria(criteria, AT, { nameCacheSize: 0 });
  for (let i = 0; i < CROSS_CHECK; i++) {
    const expected = scanned.evaluate(subjects[i]);
    if (!isDeepStrictEqual(compiled.evaluate(subjects[i]), expected) || !isDeepStrictEqual(cold.evaluate(subjects[i]), expected)) {
      throw new Error(`cross-check failed on subject ${i} (${subjects[i].mrn})`);
    }
  }
  t = now();
  for (let i = 0; i < CROSS_CHECK; i++) scanned.evaluate(subjects[i]);
  const scanRate = CROSS_CHECK / seconds(t, now());

  // Throughput: warm-up, then timed passes.
  let hits = 0;
  let hitSubjects = 0;
  let nameHits = 0;
  let aeoReduced = 0;
  for (let pass = 0; pass < WARM_UP_PASSES; pass++) {
    for (const subject of subjects) {
      const assessment = compiled.evaluate(subject);
      if (pass === 0) {
        hits += assessment.hits.length;
        if (assessment.hits.length > 0) hitSubjects++;
        for (const hit of assessment.hits) {
          if (hit.aeoReduced) aeoReduced++;
          if (hit.matched.some((m) => m.listed !== undefined)) nameHits++;
        }
      }
    }
  }
  const { best, median, worst } = throughput(compiled, subjects);
  const [p50, p99, p999] = latency(compiled, subjects);
  // The same with the party-name memo off: every party name searched in the watchlist index, as for names never seen.
  for (const subject of subjects) cold.evaluate(subject);
  const coldRates = throughput(cold, subjects);
  const [coldP50, coldP99] = latency(cold, subjects);

  console.log(`evaluate: best ${best.toFixed(0)}, median ${median.toFixed(0)}, slowest ${worst.toFixed(0)} filings/s over ${TIMED_PASSES} passes`);
  console.log(`evaluate, name memo off: best ${coldRates.best.toFixed(0)}, median ${coldRates.median.toFixed(0)}, slowest ${coldRates.worst.toFixed(0)} filings/s; p50 ${coldP50.toFixed(1)} µs, p99 ${coldP99.toFixed(1)} µs`);
  console.log(`evaluate per filing: p50 ${p50.toFixed(1)} µs, p99 ${p99.toFixed(1)} µs, p99.9 ${p999.toFixed(1)} µs`);
  console.log(`hits: ${hits} on ${hitSubjects} of ${subjects.length} ENS (${((100 * hitSubjects) / subjects.length).toFixed(1)}%); scan without indexes ${scanRate.toFixed(0)} filings/s (checksum ${sink})`);

  const figures: Figure[] = [
    { name: `evaluate() throughput, ${CRITERIA} criteria, one core, best of ${TIMED_PASSES} passes`, value: best, unit: 'filings/s', target: { text: `>= ${TARGET.toLocaleString('en-US')} filings/s`, met: best >= TARGET } },
    { name: 'evaluate() throughput, median pass', value: median, unit: 'filings/s', target: { text: `>= ${TARGET.toLocaleString('en-US')} filings/s`, met: median >= TARGET } },
    { name: 'evaluate() throughput, slowest pass', value: worst, unit: 'filings/s' },
    { name: 'evaluate() per filing, p50', value: p50, unit: 'µs' },
    { name: 'evaluate() per filing, p99', value: p99, unit: 'µs' },
    { name: 'evaluate() per filing, p99.9', value: p999, unit: 'µs' },
    { name: 'evaluate() throughput, party-name memo off (every name searched), best pass', value: coldRates.best, unit: 'filings/s', target: { text: `>= ${TARGET.toLocaleString('en-US')} filings/s`, met: coldRates.best >= TARGET } },
    { name: 'evaluate() throughput, party-name memo off, median pass', value: coldRates.median, unit: 'filings/s' },
    { name: 'evaluate() per filing, party-name memo off, p50', value: coldP50, unit: 'µs' },
    { name: 'evaluate() per filing, party-name memo off, p99', value: coldP99, unit: 'µs' },
    { name: 'ENS with at least one hit', value: (100 * hitSubjects) / subjects.length, unit: '%' },
    { name: 'hits per ENS (mean)', value: hits / subjects.length, unit: 'hits' },
    { name: 'riskSubjectOf() throughput (built once per analysis, best of 3)', value: subjects.length / subjectSeconds, unit: 'subjects/s' },
    { name: 'riskSubjectOf() per ENS (mean)', value: (subjectSeconds * 1e6) / subjects.length, unit: 'µs' },
    { name: `compileCriteria(), ${CRITERIA} criteria`, value: compileMs, unit: 'ms' },
    { name: `evaluate() scanning every criterion (no indexes), ${CROSS_CHECK} ENS`, value: scanRate, unit: 'filings/s' },
  ];
  writeBenchmarkReport('risk-engine', figures, {
    criteria: `${CRITERIA} generated (seed ${SEED}): ${SINGLE.map(([k, n]) => `${n} ${k}`).join(', ')}, ${CRITERIA - SINGLE.reduce((n, [, c]) => n + c, 0)} combinations; ~15% Member States' own, ~40% AEO-reducible`,
    filings: `${subjects.length} ENS (${houses} house consignments): ~80% e-commerce house filings, ~15% other single filings (${OTHER_TYPES.join(' ')}), ~5% multiple filings (master + houses); 3% of pre-arrival flagged inconsistent; ${aeoOperators.size} AEO EORIs`,
    hits: `${hits} hits (${nameHits} fuzzy-name, ${aeoReduced} AEO-reduced)`,
    'cross-check': `indexed results, with and without the name memo, identical to a scan of every criterion on ${CROSS_CHECK} ENS`,
    'party-name memo': 'on by default (20,000 names, party-name-index.ts); the workload repeats its parties, so the memo-off figures are the ones for names never seen before',
    'load average at start (1/5/15 min)': load,
    passes: `${WARM_UP_PASSES} warm-up, ${TIMED_PASSES} timed, 1 per-call timed; single thread`,
    scale: SCALE,
  });
}

main();
