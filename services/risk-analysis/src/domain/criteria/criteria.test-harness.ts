/**
 * For the criteria specs: criteria built from a few fields (checked by parseCriterion, so a spec cannot use an
 * invalid one by mistake), filings from libs/testing with the house fields a spec reads put in plainly, and the
 * one-line evaluation the specs repeat.
 */
import type { EnsFiling, GoodsItem, HouseConsignment, Party } from '@ics2/contracts';
import { houseConsignmentsOf } from '@ics2/contracts';
import { sampleFiling } from '@ics2/testing';
import { compileCriteria } from './criteria-engine';
import type { Condition, Criterion } from './criterion';
import { parseCriterion } from './parse-criterion';
import type { RiskAssessment } from './risk-assessment';
import { riskSubjectOf, type RiskSubject, type RiskSubjectContext } from './risk-subject';

/** The instant the specs compile at. */
export const AT = '2025-09-01T00:00:00Z';

export function criterion(fields: { condition: Condition } & Partial<Omit<Criterion, 'condition'>>): Criterion {
  const raw = {
    id: 'eu-test-001',
    version: 1,
    title: 'a criterion under test',
    riskArea: 'security',
    phases: ['pre-loading', 'pre-arrival'],
    validFrom: '2025-01-01T00:00:00Z',
    owner: { kind: 'eu' },
    score: 40,
    ...fields,
  };
  const parsed = parseCriterion(raw);
  if (!parsed.ok) throw new Error(`invalid test criterion: ${JSON.stringify(parsed.errors)}`);
  return parsed.criterion;
}

export const goodsItem = (description: string, fields: { hs?: string; grossMass?: number; packages?: number } = {}): GoodsItem => ({
  goodsItemNumber: 1,
  commodity: { descriptionOfGoods: description, ...(fields.hs ? { commodityCode: { harmonizedSystemSubHeadingCode: fields.hs } } : {}) },
  ...(fields.grossMass !== undefined ? { weight: { grossMass: fields.grossMass } } : {}),
  ...(fields.packages !== undefined ? { packaging: [{ numberOfPackages: fields.packages, typeOfPackages: 'PK' }] } : {}),
});

export const party = (name: string, fields: Partial<Party> = {}): Party => ({
  name,
  typeOfPerson: '2',
  address: { streetAndNumber: '1 Harbour Road', city: 'Hong Kong', country: 'HK' },
  ...fields,
});

/** A complete air filing (F20) with one house: the house's fields as given, over a realistic sample. */
export function airFiling(house: Partial<HouseConsignment> = {}, filing: Partial<EnsFiling> = {}): EnsFiling {
  const base = sampleFiling('F20', { seed: 11, houses: 1, goodsItems: 1, houseDocuments: ['HAWB-1'], placesOfAcceptanceAndDelivery: true });
  const master = base.consignmentMasterLevel;
  if (!master) throw new Error('F20 samples carry a master level');
  const [first] = houseConsignmentsOf(base);
  return {
    ...base,
    ...filing,
    consignmentMasterLevel: { ...master, consignmentHouseLevel: [{ ...first, goodsItem: [goodsItem('Cotton T-shirts for men', { hs: '610910', grossMass: 12, packages: 2 })], totalGrossMass: 12, ...house }] },
  };
}

export const subjectOf = (filing: EnsFiling, context: Partial<RiskSubjectContext> = {}): RiskSubject =>
  riskSubjectOf(filing, { mrn: '25DE000000000001T1', phase: 'pre-arrival', ...context });

export const assess = (criteria: readonly Criterion[], subject: RiskSubject, at: string = AT): RiskAssessment => compileCriteria(criteria, at).evaluate(subject);

export const hitIds = (assessment: RiskAssessment): string[] => assessment.hits.map((hit) => `${hit.criterionId}.v${hit.version}`);
