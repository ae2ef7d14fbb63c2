/**
 * Turns a condition tree into closures the engine calls per consignment, once, at compile time: sets are built,
 * terms normalised, names registered in the shared watchlist index, so evaluation only reads.
 *
 * Each compiled condition has
 * - `test`: does it hold for this consignment? (no allocation);
 * - `explain`: called only when `test` held, appends the conditions that held with the filing's values;
 * - `trigger`: keys of which at least one must be present in the consignment for the condition to hold (the
 *   engine's indexes use them to pick candidate criteria), or null when no key is necessary (anomaly bounds, `not`);
 * - `scope`: 'ens' when it reads ENS-level data only (means of transport, places of loading and unloading, the
 *   carrier), so the engine evaluates it once per ENS instead of once per house consignment.
 */
import type { Condition, ConditionKind } from './criterion';
import { compilePartyCondition } from './party-condition';
import type { NameHit, PartyNameIndex } from './party-name-index';
import type { MatchedCondition } from './risk-assessment';
import { normaliseIdentifier } from './risk-party';
import type { RiskConsignment } from './risk-subject';
import { allTerms, anyTerm, termsFound, termsOf } from './term-match';

export type IndexName =
  | 'hs'
  | 'token'
  | 'country:routing'
  | 'country:acceptance'
  | 'country:loading'
  | 'country:unloading'
  | 'country:delivery'
  | 'country:any'
  | 'means-id'
  | 'means-mode'
  | 'means-nationality'
  | 'eori'
  | 'address-token'
  | 'marker'
  | 'difference'
  | 'name';

/** Any one key of any group present is enough to make the criterion a candidate. */
export type Trigger = readonly { readonly index: IndexName; readonly keys: readonly (string | number)[] }[];

/** What a condition reads besides the consignment: the watchlist names its parties matched. */
export interface EvaluationContext {
  readonly nameHits: readonly NameHit[];
}

export interface CompiledCondition {
  readonly test: (view: RiskConsignment, context: EvaluationContext) => boolean;
  readonly explain: (view: RiskConsignment, context: EvaluationContext, out: MatchedCondition[]) => void;
  readonly trigger: Trigger | null;
  readonly scope: 'house' | 'ens';
}

/** Any difference at all, for an inconsistency condition that names no element. */
export const ANY_DIFFERENCE = '*';

/** How selective a trigger is likely to be (lower is better): `all` triggers on its most selective part. */
const SELECTIVITY: Readonly<Record<IndexName, number>> = {
  name: 0,
  eori: 0,
  'means-id': 0,
  hs: 1,
  token: 2,
  difference: 2,
  'address-token': 2,
  marker: 3,
  'means-nationality': 4,
  'country:loading': 5,
  'country:unloading': 5,
  'country:acceptance': 5,
  'country:delivery': 5,
  'country:routing': 5,
  'country:any': 6,
  'means-mode': 7,
};

function selectivity(trigger: Trigger): number {
  let worst = 0;
  for (const group of trigger) {
    let rank = SELECTIVITY[group.index];
    // A chapter (2 digits) or a 3-digit prefix catches far more goods than a heading.
    if (group.index === 'hs' && group.keys.some((k) => String(k).length < 4)) rank = 3;
    if (rank > worst) worst = rank;
  }
  return worst;
}

const keyCount = (trigger: Trigger) => trigger.reduce((n, group) => n + group.keys.length, 0);

const round = (n: number) => Math.round(n * 1000) / 1000;
const inRange = (value: number, min: number | undefined, max: number | undefined) =>
  (min === undefined || value >= min) && (max === undefined || value <= max);

function leaf(kind: ConditionKind, path: string, trigger: Trigger | null, scope: 'house' | 'ens', test: CompiledCondition['test'], values: (view: RiskConsignment) => string[]): CompiledCondition {
  return { test, explain: (view, _context, out) => out.push({ path, kind, values: values(view) }), trigger, scope };
}

/** Compiles `condition`, found at `path` (a JSON pointer into its criterion), registering its names in `names`. */
export function compileCondition(condition: Condition, path: string, names: PartyNameIndex): CompiledCondition {
  switch (condition.kind) {
    case 'hsPrefix': {
      const prefixes = new Set(condition.prefixes);
      return leaf(
        'hsPrefix',
        path,
        [{ index: 'hs', keys: [...prefixes] }],
        'house',
        (view) => {
          const own = view.hsPrefixes;
          for (let i = 0; i < own.length; i++) if (prefixes.has(own[i])) return true;
          return false;
        },
        (view) => view.hsCodes.filter((code) => condition.prefixes.some((prefix) => code.startsWith(prefix))),
      );
    }
    case 'descriptionTerms': {
      const terms = termsOf(condition.terms);
      const all = condition.match === 'all';
      const longestKey = terms.keys.reduce((a, b) => (b.length > a.length ? b : a));
      return leaf(
        'descriptionTerms',
        path,
        [{ index: 'token', keys: all ? [longestKey] : [...new Set(terms.keys)] }],
        'house',
        all ? (view) => allTerms(terms, view.descriptionTokenSet, view.descriptionText) : (view) => anyTerm(terms, view.descriptionTokenSet, view.descriptionText),
        (view) => termsFound(terms, view.descriptionTokenSet, view.descriptionText),
      );
    }
    case 'country': {
      const countries = new Set(condition.countries);
      const where = condition.where;
      return leaf(
        'country',
        path,
        [{ index: `country:${where}`, keys: [...countries] }],
        where === 'loading' || where === 'unloading' ? 'ens' : 'house',
        (view) => {
          const own = view.countries[where];
          for (let i = 0; i < own.length; i++) if (countries.has(own[i])) return true;
          return false;
        },
        (view) => view.countries[where].filter((country) => countries.has(country)),
      );
    }
    case 'party':
      return compilePartyCondition(condition, path, names);
    case 'transportMeans': {
      const ids = condition.identifications ? new Set(condition.identifications.map(normaliseIdentifier)) : null;
      const modes = condition.modes ? new Set(condition.modes) : null;
      const nationalities = condition.nationalities ? new Set(condition.nationalities) : null;
      const trigger: Trigger = ids
        ? [{ index: 'means-id', keys: [...ids] }]
        : nationalities
          ? [{ index: 'means-nationality', keys: [...nationalities] }]
          : [{ index: 'means-mode', keys: [...(modes ?? [])] }];
      return leaf(
        'transportMeans',
        path,
        trigger,
        'ens',
        (view) => {
          const means = view.transportMeans;
          if (ids !== null && !means.identifications.some((id) => ids.has(id))) return false;
          if (modes !== null && (means.mode === null || !modes.has(means.mode))) return false;
          return nationalities === null || (means.nationality !== null && nationalities.has(means.nationality));
        },
        (view) => {
          const means = view.transportMeans;
          return [
            ...(ids ? means.identifications.filter((id) => ids.has(id)) : []),
            ...(modes && means.mode ? [`mode=${means.mode}`] : []),
            ...(nationalities && means.nationality ? [`nationality=${means.nationality}`] : []),
          ];
        },
      );
    }
    case 'massAnomaly': {
      const { minMassPerPackageKg: minPer, maxMassPerPackageKg: maxPer, minGrossMassKg: minGross, maxGrossMassKg: maxGross } = condition;
      const perPackage = minPer !== undefined || maxPer !== undefined;
      const gross = minGross !== undefined || maxGross !== undefined;
      return leaf(
        'massAnomaly',
        path,
        null,
        'house',
        (view) => {
          if (gross && (view.grossMassKg === null || !inRange(view.grossMassKg, minGross, maxGross))) return false;
          if (!perPackage) return true;
          const masses = view.massPerPackageKg;
          for (let i = 0; i < masses.length; i++) if (inRange(masses[i], minPer, maxPer)) return true;
          return false;
        },
        (view) => [
          ...(gross ? [`grossMassKg=${round(view.grossMassKg ?? 0)}`] : []),
          ...(perPackage ? view.massPerPackageKg.filter((m) => inRange(m, minPer, maxPer)).map((m) => `massPerPackageKg=${round(m)}`) : []),
        ],
      );
    }
    case 'packagesAnomaly': {
      const { min, max } = condition;
      return leaf(
        'packagesAnomaly',
        path,
        null,
        'house',
        (view) => view.packages !== null && inRange(view.packages, min, max),
        (view) => [`numberOfPackages=${view.packages ?? 0}`],
      );
    }
    case 'inconsistency': {
      const elements = condition.elements ? new Set(condition.elements) : null;
      const holds = (element: string) => elements === null || elements.has(element);
      return leaf(
        'inconsistency',
        path,
        [{ index: 'difference', keys: elements ? [...elements] : [ANY_DIFFERENCE] }],
        'house',
        (view) => {
          const differences = view.differences;
          for (let i = 0; i < differences.length; i++) if (holds(differences[i].element)) return true;
          return false;
        },
        (view) => view.differences.filter((d) => holds(d.element)).map((d) => `${d.element}=${d.values.map((v) => String(v.value)).join('|')}`),
      );
    }
    case 'missingData': {
      const markers = new Set<string>(condition.markers);
      return leaf(
        'missingData',
        path,
        [{ index: 'marker', keys: [...markers] }],
        'house',
        (view) => {
          const own = view.markers;
          for (let i = 0; i < own.length; i++) if (markers.has(own[i])) return true;
          return false;
        },
        (view) => view.markers.filter((marker) => markers.has(marker)),
      );
    }
    case 'all': {
      const children = condition.of.map((child, i) => compileCondition(child, `${path}/of/${i}`, names));
      const triggered = children.filter((child) => child.trigger !== null).map((child) => child.trigger as Trigger);
      const best = triggered.reduce<Trigger | null>((a, b) => {
        if (a === null) return b;
        const [ra, rb] = [selectivity(a), selectivity(b)];
        return rb < ra || (rb === ra && keyCount(b) < keyCount(a)) ? b : a;
      }, null);
      return {
        test: (view, context) => {
          for (let i = 0; i < children.length; i++) if (!children[i].test(view, context)) return false;
          return true;
        },
        explain: (view, context, out) => children.forEach((child) => child.explain(view, context, out)),
        trigger: best,
        scope: children.every((child) => child.scope === 'ens') ? 'ens' : 'house',
      };
    }
    case 'any': {
      const children = condition.of.map((child, i) => compileCondition(child, `${path}/of/${i}`, names));
      return {
        test: (view, context) => {
          for (let i = 0; i < children.length; i++) if (children[i].test(view, context)) return true;
          return false;
        },
        explain: (view, context, out) => children.forEach((child) => child.test(view, context) && child.explain(view, context, out)),
        trigger: children.every((child) => child.trigger !== null) ? children.flatMap((child) => child.trigger as Trigger) : null,
        scope: children.every((child) => child.scope === 'ens') ? 'ens' : 'house',
      };
    }
    case 'not': {
      const child = compileCondition(condition.of, `${path}/of`, names);
      return {
        test: (view, context) => !child.test(view, context),
        explain: (_view, _context, out) => out.push({ path, kind: 'not', values: [] }),
        trigger: null,
        scope: child.scope,
      };
    }
    default: {
      const unreachable: never = condition;
      throw new Error(`unknown condition kind ${JSON.stringify(unreachable)}`);
    }
  }
}
