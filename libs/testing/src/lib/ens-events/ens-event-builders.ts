/**
 * Builders of ENS events for given/when/then tests (STYLE "Tests"): each shows only what a rule reads, with
 * plain defaults for the rest. `minimalFiling` is the smallest filing tree the decider reads (type, LRN, parties,
 * office, documents); realistic filings come from ens-samples.ts.
 */
import type {
  EnsFiling,
  EnsFilingArrived,
  EnsFilingCompleted,
  EnsFilingInvalidated,
  EnsFilingLinked,
  EnsFilingPresented,
  EnsFilingRegistered,
  EnsFilingRejected,
  EnsResponsibilityAssigned,
  EnsCompletenessPending,
  EnsControlNoted,
  EnsPresentationNoted,
  EnsHousePresentationNoted,
  EnsFilingAmended,
  FilingLevel,
  FilingParties,
  HouseConsignment,
} from '@ics2/contracts';
import { filingType, formatMrn, MRN_PROCEDURE_LETTERS } from '@ics2/domain';

/** A valid ENS MRN (check digit and all) for serial `n`; the arrival registration's letter with `arrival`. */
export const mrnOf = (n: number, arrival = false): string =>
  formatMrn({ year: 2026, memberState: 'DE', serial: BigInt(n), procedure: arrival ? MRN_PROCEDURE_LETTERS.arrivalRegistration : MRN_PROCEDURE_LETTERS.ens });

export const DEFAULTS = {
  mrn: mrnOf(1),
  declarant: 'DE123456789012345',
  carrier: 'LU987654321',
  office: 'DE004700',
  masterDocument: '176-12345675',
  at: '2026-12-01T10:00:00.000Z',
} as const;

export interface MinimalFilingOptions {
  readonly type?: string;
  readonly lrn?: string;
  readonly declarant?: string;
  readonly representative?: string;
  readonly carrier?: string;
  readonly office?: string;
  readonly masterDocument?: string;
  readonly houses?: readonly string[];
  readonly grossMass?: number;
  readonly routing?: readonly string[];
}

export function minimalFiling(options: MinimalFilingOptions = {}): EnsFiling {
  const type = options.type ?? 'F20';
  const level = filingType(type)?.level ?? 'complete';
  const carrier = { identificationNumber: options.carrier ?? DEFAULTS.carrier };
  const masterDocument = { documentNumber: options.masterDocument ?? DEFAULTS.masterDocument, type: 'N741' };
  const houseDocs = options.houses ?? (level === 'master' ? ['HAWB-1', 'HAWB-2'] : ['HAWB-1']);
  const house = (doc: string): HouseConsignment =>
    level === 'house'
      ? { transportDocumentHouseLevel: { documentNumber: doc, type: 'N703' }, transportDocumentMasterLevel: masterDocument, carrier, totalGrossMass: options.grossMass ?? 12.5 }
      : { transportDocumentHouseLevel: { documentNumber: doc, type: 'N703' }, ...(level === 'complete' ? { totalGrossMass: options.grossMass ?? 12.5 } : {}) };
  const base: EnsFiling = {
    lrn: options.lrn ?? 'LRN-1',
    documentIssueDate: '2026-12-01T09:00:00Z',
    specificCircumstanceIndicator: type,
    declarant: { identificationNumber: options.declarant ?? DEFAULTS.declarant, name: 'Declarant GmbH' },
    ...(options.representative ? { representative: { identificationNumber: options.representative, status: '2' } } : {}),
    customsOfficeOfFirstEntry: { referenceNumber: options.office ?? DEFAULTS.office },
    activeBorderTransportMeans: {
      modeOfTransport: '4',
      countriesOfRoutingOfMeansOfTransport: (options.routing ?? ['CN', 'DE']).map((country, i) => ({ sequenceNumber: i + 1, country })),
    },
  };
  if (level === 'house') return { ...base, consignmentHouseLevel: houseDocs.map(house) };
  return { ...base, consignmentMasterLevel: { transportDocumentMasterLevel: masterDocument, carrier, consignmentHouseLevel: houseDocs.map(house) } };
}

export interface RegisteredOptions extends MinimalFilingOptions {
  readonly mrn?: string;
  readonly filedBy?: string;
  readonly at?: string;
  readonly filing?: EnsFiling;
}

export function registered(options: RegisteredOptions = {}): EnsFilingRegistered {
  const filing = options.filing ?? minimalFiling(options);
  const row = filingType(filing.specificCircumstanceIndicator);
  const level: FilingLevel = row?.level ?? 'complete';
  const houses = filing.consignmentHouseLevel ?? filing.consignmentMasterLevel?.consignmentHouseLevel ?? [];
  const houseDocuments = houses.map((h) => h.transportDocumentHouseLevel?.documentNumber).filter((d): d is string => !!d);
  const carrier = level === 'house' ? houses[0]?.carrier?.identificationNumber : filing.consignmentMasterLevel?.carrier?.identificationNumber;
  const masterDocument = level === 'house' ? houses[0]?.transportDocumentMasterLevel?.documentNumber : filing.consignmentMasterLevel?.transportDocumentMasterLevel?.documentNumber;
  const declarant = filing.declarant.identificationNumber ?? DEFAULTS.declarant;
  const parties: FilingParties = {
    filedBy: options.filedBy ?? declarant,
    declarant,
    ...(filing.representative?.identificationNumber ? { representative: filing.representative.identificationNumber } : {}),
    ...(carrier ? { carrier } : {}),
  };
  return {
    type: 'EnsFilingRegistered',
    data: {
      mrn: options.mrn ?? DEFAULTS.mrn,
      lrn: filing.lrn,
      filingType: filing.specificCircumstanceIndicator,
      level,
      phase: row?.phase ?? 'pre-arrival',
      parties,
      linkingKey: { masterDocument, carrier, houseDocuments },
      filing,
      registeredAt: options.at ?? DEFAULTS.at,
    },
  };
}

export const responsibilityAssigned = (o: { mrn?: string; rms?: string; ims?: string[] } = {}): EnsResponsibilityAssigned => ({
  type: 'EnsResponsibilityAssigned',
  data: { mrn: o.mrn ?? DEFAULTS.mrn, responsibleMemberState: o.rms ?? 'DE', involvedMemberStates: o.ims ?? [], rule: 'rms=office-of-first-entry; ims=eu-routing+unloading+delivery+addressed' },
});

export const linked = (o: {
  mrn?: string;
  linkedMrn: string;
  linkedLevel: FilingLevel;
  houseDocument: string;
  parties?: FilingParties;
  by?: 'linking-key' | 'manual';
  at?: string;
  supplies?: readonly string[];
  awaiting?: readonly string[];
}): EnsFilingLinked => ({
  type: 'EnsFilingLinked',
  data: {
    mrn: o.mrn ?? DEFAULTS.mrn,
    linkedMrn: o.linkedMrn,
    linkedLevel: o.linkedLevel,
    houseDocument: o.houseDocument,
    by: o.by ?? 'linking-key',
    linkedParties: o.parties ?? { filedBy: 'FR555', declarant: 'FR555' },
    linkedAt: o.at ?? DEFAULTS.at,
    ...(o.supplies ? { supplies: o.supplies } : {}),
    ...(o.awaiting ? { awaiting: o.awaiting } : {}),
  },
});

export const completenessPending = (o: { mrn?: string; missing: { houseDocument: string; expectedFiler?: string }[]; at?: string }): EnsCompletenessPending => ({
  type: 'EnsCompletenessPending',
  data: { mrn: o.mrn ?? DEFAULTS.mrn, missing: o.missing, notedAt: o.at ?? DEFAULTS.at },
});

export const completed = (o: { mrn?: string; phase?: 'pre-loading' | 'pre-arrival'; members?: string[]; at?: string } = {}): EnsFilingCompleted => ({
  type: 'EnsFilingCompleted',
  data: { mrn: o.mrn ?? DEFAULTS.mrn, phase: o.phase ?? 'pre-arrival', members: o.members ?? [o.mrn ?? DEFAULTS.mrn], completedAt: o.at ?? DEFAULTS.at },
});

export const amended = (o: { mrn?: string; filing: EnsFiling; by?: string; messageId?: string; changed?: string[]; at?: string }): EnsFilingAmended => ({
  type: 'EnsFilingAmended',
  data: { mrn: o.mrn ?? DEFAULTS.mrn, messageId: o.messageId ?? 'amd-1', filing: o.filing, changed: o.changed ?? [], amendedAt: o.at ?? DEFAULTS.at, amendedBy: o.by ?? DEFAULTS.declarant },
});

export const rejected = (o: { mrn?: string; at?: string } = {}): EnsFilingRejected => ({
  type: 'EnsFilingRejected',
  data: { mrn: o.mrn ?? DEFAULTS.mrn, errors: [{ code: 'X08', pointer: '/consignmentMasterLevel/transportDocumentMasterLevel', description: 'unique linking key already used' }], rejectedAt: o.at ?? DEFAULTS.at },
});

export const invalidated = (o: { mrn?: string; reason?: 'requested' | 'expired'; at?: string } = {}): EnsFilingInvalidated => ({
  type: 'EnsFilingInvalidated',
  data: { mrn: o.mrn ?? DEFAULTS.mrn, reason: o.reason ?? 'requested', invalidatedAt: o.at ?? DEFAULTS.at },
});

export const arrived = (o: { mrn?: string; arrivalMrn?: string; at?: string } = {}): EnsFilingArrived => ({
  type: 'EnsFilingArrived',
  data: { mrn: o.mrn ?? DEFAULTS.mrn, arrivalMrn: o.arrivalMrn ?? mrnOf(9, true), arrivedAt: o.at ?? DEFAULTS.at, officeOfArrival: DEFAULTS.office, notifiedBy: DEFAULTS.carrier },
});

export const presented = (o: { mrn?: string; at?: string } = {}): EnsFilingPresented => ({
  type: 'EnsFilingPresented',
  data: { mrn: o.mrn ?? DEFAULTS.mrn, office: DEFAULTS.office, presentedAt: o.at ?? DEFAULTS.at, memberState: 'DE' },
});

/** A house (`mrn`) learns that the master heading its ENS (`headMrn`, the default MRN) was presented. */
export const presentationNoted = (o: { mrn: string; headMrn?: string; at?: string }): EnsPresentationNoted => ({
  type: 'EnsPresentationNoted',
  data: { mrn: o.mrn, headMrn: o.headMrn ?? DEFAULTS.mrn, presentedAt: o.at ?? DEFAULTS.at, notedAt: o.at ?? DEFAULTS.at },
});

/** A master (`mrn`, the default MRN) learns that one of its houses (`houseMrn`) was presented. */
export const housePresentationNoted = (o: { mrn?: string; houseMrn: string; at?: string }): EnsHousePresentationNoted => ({
  type: 'EnsHousePresentationNoted',
  data: { mrn: o.mrn ?? DEFAULTS.mrn, houseMrn: o.houseMrn, presentedAt: o.at ?? DEFAULTS.at, notedAt: o.at ?? DEFAULTS.at },
});

export const controlNoted = (o: { mrn?: string; at?: string } = {}): EnsControlNoted => ({
  type: 'EnsControlNoted',
  data: { mrn: o.mrn ?? DEFAULTS.mrn, memberState: 'DE', notedAt: o.at ?? DEFAULTS.at, source: 'control-results' },
});
