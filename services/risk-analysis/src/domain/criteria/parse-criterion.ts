/**
 * parseCriterion: the only way raw JSON (a criteria file, a gRPC request) becomes a Criterion. Every problem is
 * reported, each as a JSON pointer (RFC 6901) into the criterion, a stable code and a short reason; tests assert the
 * pointer and the code, never the reason. Unknown fields are refused as well as unknown condition kinds, so a
 * misspelt facet cannot silently widen or narrow a criterion.
 */
import { CRITERION_ID_MAX_LENGTH, isCriterionId, type RiskAnalysisPhase } from '@ics2/contracts';
import { HS_RESERVED_CHAPTERS, isCountryCode, isIcs2Territory, isIsoInstant, parseEori } from '@ics2/domain';
import {
  CONDITION_KINDS,
  type ConditionKind,
  COUNTRY_WHERE,
  type Criterion,
  MAX_CONDITION_DEPTH,
  PARTY_ROLES,
  RISK_AREAS,
  RISK_PHASES,
} from './criterion';
import { isMissingDataMarker } from './missing-data.table';
import { nameTokens, normalisedTokens } from './text-normalisation';

export type CriterionErrorCode =
  | 'required'
  | 'wrong-type'
  | 'unknown-field'
  | 'unknown-kind'
  | 'empty-list'
  | 'duplicate-value'
  | 'bad-id'
  | 'bad-version'
  | 'bad-value'
  | 'bad-country'
  | 'bad-hs-prefix'
  | 'bad-eori'
  | 'bad-instant'
  | 'bad-range'
  | 'out-of-range'
  | 'too-deep';

export interface CriterionError {
  readonly pointer: string;
  readonly code: CriterionErrorCode;
  readonly reason: string;
}

export type ParsedCriterion = { readonly ok: true; readonly criterion: Criterion } | { readonly ok: false; readonly errors: readonly CriterionError[] };

/** CL018 modes of transport a criterion may name. */
export const TRANSPORT_MODE_CODES: readonly string[] = ['1', '2', '3', '4', '5', '7', '8'];

const HS_PREFIX_PATTERN = /^[0-9]{2,10}$/;
const ELEMENT_PATTERN = /^[A-Za-z]+(?:\/[A-Za-z]+)*$/;
const IDENTIFICATION_PATTERN = /^[A-Z0-9]{1,35}$/;

type Json = Record<string, unknown>;

/** 2 to 10 digits starting with an HS chapter in use (01-97 except the reserved ones, libs/domain). */
const isHsPrefix = (v: string): boolean => {
  if (!HS_PREFIX_PATTERN.test(v)) return false;
  const chapter = Number(v.slice(0, 2));
  return chapter >= 1 && chapter <= 97 && !HS_RESERVED_CHAPTERS.includes(v.slice(0, 2));
};

/**
 * A NUL character or a UTF-16 surrogate without its pair: JSON text can carry both (`\u0000`, `\ud800`), the
 * criterion's event cannot (the store refuses them), so a criterion holding one is refused here, not at the append.
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');


class Checker {
  readonly errors: CriterionError[] = [];

  fail(pointer: string, code: CriterionErrorCode, reason: string): false {
    this.errors.push({ pointer, code, reason });
    return false;
  }

  fields(value: Json, pointer: string, allowed: readonly string[]): void {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.fail(`${pointer}/${escape(key)}`, 'unknown-field', `unknown field "${key}"`);
    }
  }

  text(value: unknown, pointer: string, required: boolean): boolean {
    if (value === undefined) return required ? this.fail(pointer, 'required', 'missing') : true;
    if (typeof value !== 'string') return this.fail(pointer, 'wrong-type', 'must be a string');
    if (value.trim().length === 0) return this.fail(pointer, 'bad-value', 'must not be blank');
    return this.storable(value, pointer);
  }

  storable(value: string, pointer: string): boolean {
    return UNSTORABLE.test(value) ? this.fail(pointer, 'bad-value', 'holds a NUL character or a lone surrogate') : true;
  }

  /** A non-empty list of strings, each checked by `item`, each once (compared by `key`). */
  list(value: unknown, pointer: string, required: boolean, item: (v: string, p: string) => boolean, key: (v: string) => string = (v) => v): boolean {
    if (value === undefined) return required ? this.fail(pointer, 'required', 'missing') : true;
    if (!Array.isArray(value)) return this.fail(pointer, 'wrong-type', 'must be a list');
    if (value.length === 0) return this.fail(pointer, 'empty-list', 'must list at least one value');
    const seen = new Set<string>();
    let ok = true;
    value.forEach((v: unknown, i) => {
      const p = `${pointer}/${i}`;
      if (typeof v !== 'string') ok = this.fail(p, 'wrong-type', 'must be a string') && ok;
      else if (!this.storable(v, p) || !item(v, p)) ok = false;
      else if (seen.has(key(v))) ok = this.fail(p, 'duplicate-value', `"${v}" is listed twice`);
      else seen.add(key(v));
    });
    return ok;
  }

  number(value: unknown, pointer: string, options: { min: number; max?: number; integer?: boolean }): boolean {
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.fail(pointer, 'wrong-type', 'must be a number');
    if (options.integer && !Number.isInteger(value)) return this.fail(pointer, 'out-of-range', 'must be a whole number');
    if (value < options.min || (options.max !== undefined && value > options.max)) {
      return this.fail(pointer, 'out-of-range', `must be from ${options.min}${options.max === undefined ? '' : ` to ${options.max}`}`);
    }
    return true;
  }

  oneOf(value: unknown, pointer: string, allowed: readonly string[]): boolean {
    if (value === undefined) return this.fail(pointer, 'required', 'missing');
    if (typeof value !== 'string' || !allowed.includes(value)) return this.fail(pointer, 'bad-value', `must be one of ${allowed.join(', ')}`);
    return true;
  }

  country = (value: string, pointer: string): boolean =>
    isCountryCode(value) ? true : this.fail(pointer, 'bad-country', 'not an ISO 3166-1 alpha-2 country code');

  term = (value: string, pointer: string): boolean =>
    normalisedTokens(value).length > 0 ? true : this.fail(pointer, 'bad-value', 'a term needs at least one letter or digit');

  /** A pair of optional bounds: each a number from 0, min not above max. */
  bounds(condition: Json, pointer: string, min: string, max: string, integer: boolean): void {
    const lo = condition[min];
    const hi = condition[max];
    const okLo = lo === undefined || this.number(lo, `${pointer}/${min}`, { min: 0, integer });
    const okHi = hi === undefined || this.number(hi, `${pointer}/${max}`, { min: 0, integer });
    if (okLo && okHi && typeof lo === 'number' && typeof hi === 'number' && lo > hi) this.fail(`${pointer}/${max}`, 'bad-range', `${max} is below ${min}`);
  }

  atLeastOne(condition: Json, pointer: string, facets: readonly string[]): void {
    if (facets.every((facet) => condition[facet] === undefined)) this.fail(pointer, 'required', `needs at least one of ${facets.join(', ')}`);
  }

  condition(value: unknown, pointer: string, depth: number): void {
    if (depth > MAX_CONDITION_DEPTH) {
      this.fail(pointer, 'too-deep', `conditions nest at most ${MAX_CONDITION_DEPTH} deep`);
      return;
    }
    if (!isObject(value)) {
      this.fail(pointer, value === undefined ? 'required' : 'wrong-type', 'a condition must be an object with a kind');
      return;
    }
    const kind = value['kind'];
    if (kind === undefined) {
      this.fail(`${pointer}/kind`, 'required', 'missing');
      return;
    }
    if (typeof kind !== 'string' || !(CONDITION_KINDS as readonly string[]).includes(kind)) {
      this.fail(`${pointer}/kind`, 'unknown-kind', `unknown condition kind ${JSON.stringify(kind)}`);
      return;
    }
    this.conditionOfKind(kind as ConditionKind, value, pointer, depth);
  }

  private conditionOfKind(kind: ConditionKind, c: Json, pointer: string, depth: number): void {
    const at = (field: string) => `${pointer}/${field}`;
    switch (kind) {
      case 'hsPrefix':
        this.fields(c, pointer, ['kind', 'prefixes']);
        this.list(c['prefixes'], at('prefixes'), true, (v, p) =>
          isHsPrefix(v)
            ? true
            : this.fail(p, 'bad-hs-prefix', 'an HS prefix is 2 to 10 digits starting with an HS chapter (01-97, not 77)'),
        );
        return;
      case 'descriptionTerms':
        this.fields(c, pointer, ['kind', 'terms', 'match']);
        this.list(c['terms'], at('terms'), true, this.term, (v) => normalisedTokens(v).join(' '));
        this.oneOf(c['match'], at('match'), ['any', 'all']);
        return;
      case 'country':
        this.fields(c, pointer, ['kind', 'where', 'countries']);
        this.oneOf(c['where'], at('where'), COUNTRY_WHERE);
        this.list(c['countries'], at('countries'), true, this.country);
        return;
      case 'party':
        this.fields(c, pointer, ['kind', 'role', 'names', 'eoris', 'addressTerms', 'threshold']);
        if (c['role'] !== undefined) this.oneOf(c['role'], at('role'), PARTY_ROLES);
        this.atLeastOne(c, pointer, ['names', 'eoris', 'addressTerms']);
        this.list(c['names'], at('names'), false, (v, p) => (nameTokens(v).length > 0 ? true : this.fail(p, 'bad-value', 'a name needs a letter or digit')), (v) => nameTokens(v).join(' '));
        this.list(c['eoris'], at('eoris'), false, (v, p) => (parseEori(v).ok ? true : this.fail(p, 'bad-eori', 'not an EORI')));
        this.list(c['addressTerms'], at('addressTerms'), false, this.term, (v) => normalisedTokens(v).join(' '));
        if (c['threshold'] !== undefined) {
          if (c['names'] === undefined) this.fail(at('threshold'), 'bad-value', 'a threshold applies to names only');
          else if (this.number(c['threshold'], at('threshold'), { min: 0, max: 1 }) && c['threshold'] === 0) {
            this.fail(at('threshold'), 'out-of-range', 'a threshold of 0 matches every name');
          }
        }
        return;
      case 'transportMeans':
        this.fields(c, pointer, ['kind', 'identifications', 'modes', 'nationalities']);
        this.atLeastOne(c, pointer, ['identifications', 'modes', 'nationalities']);
        this.list(
          c['identifications'],
          at('identifications'),
          false,
          (v, p) => (IDENTIFICATION_PATTERN.test(v.toUpperCase().replace(/[\s.-]+/g, '')) ? true : this.fail(p, 'bad-value', 'letters and digits, up to 35')),
          (v) => v.toUpperCase().replace(/[\s.-]+/g, ''),
        );
        this.list(c['modes'], at('modes'), false, (v, p) => (TRANSPORT_MODE_CODES.includes(v) ? true : this.fail(p, 'bad-value', 'not a CL018 mode of transport')));
        this.list(c['nationalities'], at('nationalities'), false, this.country);
        return;
      case 'massAnomaly':
        this.fields(c, pointer, ['kind', 'minMassPerPackageKg', 'maxMassPerPackageKg', 'minGrossMassKg', 'maxGrossMassKg']);
        this.atLeastOne(c, pointer, ['minMassPerPackageKg', 'maxMassPerPackageKg', 'minGrossMassKg', 'maxGrossMassKg']);
        this.bounds(c, pointer, 'minMassPerPackageKg', 'maxMassPerPackageKg', false);
        this.bounds(c, pointer, 'minGrossMassKg', 'maxGrossMassKg', false);
        return;
      case 'packagesAnomaly':
        this.fields(c, pointer, ['kind', 'min', 'max']);
        this.atLeastOne(c, pointer, ['min', 'max']);
        this.bounds(c, pointer, 'min', 'max', true);
        return;
      case 'inconsistency':
        this.fields(c, pointer, ['kind', 'elements']);
        this.list(c['elements'], at('elements'), false, (v, p) => (ELEMENT_PATTERN.test(v) ? true : this.fail(p, 'bad-value', 'an element name such as grossMass or consignor/name')));
        return;
      case 'missingData':
        this.fields(c, pointer, ['kind', 'markers']);
        this.list(c['markers'], at('markers'), true, (v, p) => (isMissingDataMarker(v) ? true : this.fail(p, 'bad-value', 'not a missing-data marker')));
        return;
      case 'all':
      case 'any': {
        this.fields(c, pointer, ['kind', 'of']);
        const of = c['of'];
        if (of === undefined) this.fail(at('of'), 'required', 'missing');
        else if (!Array.isArray(of)) this.fail(at('of'), 'wrong-type', 'must be a list of conditions');
        else if (of.length === 0) this.fail(at('of'), 'empty-list', 'must combine at least one condition');
        else of.forEach((child: unknown, i) => this.condition(child, `${at('of')}/${i}`, depth + 1));
        return;
      }
      case 'not':
        this.fields(c, pointer, ['kind', 'of']);
        this.condition(c['of'], at('of'), depth + 1);
        return;
      default: {
        const unreachable: never = kind;
        throw new Error(`unhandled condition kind ${String(unreachable)}`);
      }
    }
  }
}

const CRITERION_FIELDS = ['id', 'version', 'title', 'notes', 'riskArea', 'phases', 'validFrom', 'validTo', 'owner', 'score', 'aeoReduction', 'condition', 'origin'];

/** Checks raw JSON against the Criterion shape and its rules; returns the criterion or every problem found. */
export function parseCriterion(raw: unknown): ParsedCriterion {
  const check = new Checker();
  if (!isObject(raw)) return { ok: false, errors: [{ pointer: '', code: 'wrong-type', reason: 'a criterion must be a JSON object' }] };
  check.fields(raw, '', CRITERION_FIELDS);

  const id = raw['id'];
  if (id === undefined) check.fail('/id', 'required', 'missing');
  else if (typeof id !== 'string' || !isCriterionId(id)) {
    check.fail('/id', 'bad-id', `lower-case letters and digits in hyphen-separated words, up to ${CRITERION_ID_MAX_LENGTH}`);
  }
  const version = raw['version'];
  if (version === undefined) check.fail('/version', 'required', 'missing');
  else if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) check.fail('/version', 'bad-version', 'a whole number from 1');

  check.text(raw['title'], '/title', true);
  check.text(raw['notes'], '/notes', false);
  check.oneOf(raw['riskArea'], '/riskArea', RISK_AREAS);
  check.list(raw['phases'], '/phases', true, (v, p) => (RISK_PHASES.includes(v as RiskAnalysisPhase) ? true : check.fail(p, 'bad-value', 'pre-loading or pre-arrival')));

  const validFrom = raw['validFrom'];
  const validTo = raw['validTo'];
  const fromOk = validFrom === undefined ? check.fail('/validFrom', 'required', 'missing') : isIsoInstant(validFrom) || check.fail('/validFrom', 'bad-instant', 'an ISO-8601 UTC instant, e.g. 2025-01-01T00:00:00Z');
  const toOk = validTo === undefined || isIsoInstant(validTo) || check.fail('/validTo', 'bad-instant', 'an ISO-8601 UTC instant, e.g. 2026-01-01T00:00:00Z');
  if (fromOk && toOk && validTo !== undefined && Date.parse(validTo as string) <= Date.parse(validFrom as string)) {
    check.fail('/validTo', 'bad-range', 'validTo must come after validFrom');
  }

  const owner = raw['owner'];
  if (owner === undefined) check.fail('/owner', 'required', 'missing');
  else if (!isObject(owner)) check.fail('/owner', 'wrong-type', 'an object: { kind: "eu" } or { kind: "member-state", memberState }');
  else if (check.oneOf(owner['kind'], '/owner/kind', ['eu', 'member-state'])) {
    if (owner['kind'] === 'eu') check.fields(owner, '/owner', ['kind']);
    else {
      check.fields(owner, '/owner', ['kind', 'memberState']);
      const ms = owner['memberState'];
      if (ms === undefined) check.fail('/owner/memberState', 'required', 'missing');
      else if (typeof ms !== 'string' || !isIcs2Territory(ms)) check.fail('/owner/memberState', 'bad-country', 'a country running ICS2 (the 27, XI, NO, CH; Greece is GR)');
    }
  }

  if (raw['score'] === undefined) check.fail('/score', 'required', 'missing');
  else check.number(raw['score'], '/score', { min: 1, max: 100, integer: true });
  if (raw['aeoReduction'] !== undefined) check.number(raw['aeoReduction'], '/aeoReduction', { min: 0, max: 1 });

  check.condition(raw['condition'], '/condition', 1);

  const origin = raw['origin'];
  if (origin !== undefined) {
    if (!isObject(origin)) check.fail('/origin', 'wrong-type', 'an object: { rifId }');
    else {
      check.fields(origin, '/origin', ['rifId']);
      check.text(origin['rifId'], '/origin/rifId', true);
    }
  }

  return check.errors.length > 0 ? { ok: false, errors: check.errors } : { ok: true, criterion: raw as unknown as Criterion };
}
