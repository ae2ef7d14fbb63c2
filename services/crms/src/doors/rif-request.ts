/**
 * The door's half of a RIF's content and feedback: their shape (request-shape.ts), the risk profile JSON an object
 * (X06 when not JSON). Empty strings and lists of the proto mean "not given"; HS codes lose the dots and spaces
 * people write them with, codes are upper-cased. Whether a category, a country, an HS code or an EORI is right is the
 * decider's (rules/rif-content.ts). And the way back: content into the proto's shape, field by field.
 */
import type { crmsV1, RifCategory, RifContent, RifFeedback } from '@ics2/contracts';
import { issue } from './door-answers';
import { LONG, Shape } from './request-shape';

const codes = (values: readonly string[]) => values.map((v) => v.trim().toUpperCase());
const omitEmpty = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as T;

/** The content, and the profile as the author wrote it (still to be stamped and checked by risk-analysis). */
export interface RequestedContent {
  readonly content: Omit<RifContent, 'riskProfile'>;
  readonly profile: Record<string, unknown> | null;
}

export function rifContentOf(c: crmsV1.RifContent | null): RequestedContent {
  const shape = new Shape();
  if (!c) {
    shape.issues.push(issue('/content', 'required', 'X01'));
    shape.done();
  }
  const r = c as crmsV1.RifContent;
  const p = (path: string) => `/content${path}`;
  const goods = shape.list(r.goods, p('/goods')).map((g, i) =>
    omitEmpty({ hsCode: g.hs_code ? g.hs_code.replace(/[.\s]/g, '') : undefined, description: shape.optional(g.description, p(`/goods/${i}/description`), 500) }),
  );
  const operators = shape.list(r.operators, p('/operators')).map((o, i) =>
    omitEmpty({ name: shape.optional(o.name, p(`/operators/${i}/name`)), eori: o.eori ? o.eori.trim().toUpperCase() : undefined, country: o.country ? o.country.trim().toUpperCase() : undefined }),
  );
  const attachments = shape.list(r.attachments, p('/attachments')).map((a, i) => ({ reference: shape.required(a.reference, p(`/attachments/${i}/reference`), 500), title: shape.required(a.title, p(`/attachments/${i}/title`)) }));
  const countries = r.countries
    ? omitEmpty({ origin: codes(shape.list(r.countries.origin, p('/countries/origin'))), routing: codes(shape.list(r.countries.routing, p('/countries/routing'))), destination: codes(shape.list(r.countries.destination, p('/countries/destination'))) })
    : {};
  const content = omitEmpty({
    category: shape.required(r.category, p('/category')) as RifCategory,
    title: shape.required(r.title, p('/title')),
    riskDescription: shape.required(r.risk_description, p('/riskDescription'), LONG),
    modusOperandi: shape.optional(r.modus_operandi, p('/modusOperandi'), LONG),
    goods,
    countries: Object.keys(countries).length ? countries : undefined,
    operators,
    recommendedMeasures: shape.optional(r.recommended_measures, p('/recommendedMeasures'), LONG),
    validFrom: shape.instant(r.valid_from, p('/validFrom')),
    validTo: shape.instant(r.valid_to, p('/validTo')),
    attachments,
  });
  let profile: Record<string, unknown> | null = null;
  if (r.risk_profile_json !== '') {
    try {
      const parsed: unknown = JSON.parse(r.risk_profile_json);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) profile = parsed as Record<string, unknown>;
      else shape.issues.push(issue(p('/riskProfile'), 'a criterion: a JSON object'));
    } catch {
      shape.issues.push(issue(p('/riskProfile'), 'the risk profile is not JSON', 'X06'));
    }
  }
  shape.done();
  return { content, profile };
}

export function rifFeedbackOf(f: crmsV1.RifFeedback | null): RifFeedback {
  const shape = new Shape();
  if (!f) {
    shape.issues.push(issue('/feedback', 'required', 'X01'));
    shape.done();
  }
  const r = f as crmsV1.RifFeedback;
  const feedback = omitEmpty({
    evaluated: r.evaluated,
    measuresTaken: shape.optional(r.measures_taken, '/feedback/measuresTaken', LONG),
    controlResults: shape.optional(r.control_results, '/feedback/controlResults', LONG),
    relevance: shape.required(r.relevance, '/feedback/relevance') as RifFeedback['relevance'],
  });
  shape.done();
  return feedback;
}

/** The RIF's content back into the proto's shape, field by field (a new field must not leak). */
export function rifContentView(c: RifContent): crmsV1.RifContent {
  return {
    category: c.category,
    title: c.title,
    risk_description: c.riskDescription,
    modus_operandi: c.modusOperandi ?? '',
    goods: (c.goods ?? []).map((g) => ({ hs_code: g.hsCode ?? '', description: g.description ?? '' })),
    countries: { origin: [...(c.countries?.origin ?? [])], routing: [...(c.countries?.routing ?? [])], destination: [...(c.countries?.destination ?? [])] },
    operators: (c.operators ?? []).map((o) => ({ name: o.name ?? '', eori: o.eori ?? '', country: o.country ?? '' })),
    recommended_measures: c.recommendedMeasures ?? '',
    valid_from: c.validFrom,
    valid_to: c.validTo,
    attachments: (c.attachments ?? []).map((a) => ({ reference: a.reference, title: a.title })),
    risk_profile_json: c.riskProfile ? JSON.stringify(c.riskProfile) : '',
  };
}
