/** Builders of control events for given/when/then tests: a case DE controls, recommended by DE with BE involved. */
import type { ControlCaseOpened, ControlDecided, ControlFindings, ControlOutcome, ControlResultRecorded, MemberStateUser } from '@ics2/contracts';
import { DEFAULTS } from '../ens-events/ens-event-builders';
import { RISK_DEFAULTS } from '../risk-events/risk-event-builders';

export const CONTROL_DEFAULTS = {
  caseId: 'pre-arrival-1',
  officer: { memberState: 'DE', userId: 'de-control-1' } as MemberStateUser,
  office: DEFAULTS.office,
} as const;

export interface CaseOptions {
  readonly caseId?: string;
  readonly memberStateOfControl?: string;
  readonly rms?: string;
  readonly ims?: readonly string[];
  readonly aeoParties?: readonly string[];
  readonly criteria?: readonly { id: string; version: number }[];
}

export const caseData = (o: CaseOptions = {}): ControlCaseOpened['data'] => ({
  mrn: DEFAULTS.mrn,
  caseId: o.caseId ?? CONTROL_DEFAULTS.caseId,
  analysisId: o.caseId ?? CONTROL_DEFAULTS.caseId,
  phase: 'pre-arrival',
  members: [DEFAULTS.mrn],
  recommendation: { controlType: 'physical', memberState: o.memberStateOfControl ?? 'DE', place: DEFAULTS.office, reason: 'eu-sec-001 hit' },
  responsibleMemberState: o.rms ?? RISK_DEFAULTS.rms,
  involvedMemberStates: o.ims ?? ['BE'],
  memberStateOfControl: o.memberStateOfControl ?? 'DE',
  personFiling: RISK_DEFAULTS.personFiling,
  carrier: RISK_DEFAULTS.carrier,
  aeoParties: o.aeoParties ?? [],
  criteria: o.criteria ?? [{ id: 'eu-sec-001', version: 1 }],
  openedAt: RISK_DEFAULTS.at,
});

export const caseOpened = (o: CaseOptions = {}): ControlCaseOpened => ({ type: 'ControlCaseOpened', data: caseData(o) });

export const controlDecided = (o: { caseId?: string; control?: boolean; aeoParties?: readonly string[]; user?: MemberStateUser } = {}): ControlDecided => ({
  type: 'ControlDecided',
  data: {
    mrn: DEFAULTS.mrn,
    caseId: o.caseId ?? CONTROL_DEFAULTS.caseId,
    analysisId: o.caseId ?? CONTROL_DEFAULTS.caseId,
    phase: 'pre-arrival',
    responsibleMemberState: RISK_DEFAULTS.rms,
    control: o.control ?? true,
    ...((o.control ?? true) ? { controlType: 'physical', office: CONTROL_DEFAULTS.office } : { reason: 'capacity elsewhere' }),
    members: [DEFAULTS.mrn],
    personFiling: RISK_DEFAULTS.personFiling,
    carrier: RISK_DEFAULTS.carrier,
    aeoParties: o.aeoParties ?? [],
    user: o.user ?? CONTROL_DEFAULTS.officer,
    decidedAt: RISK_DEFAULTS.at,
  },
});

export const resultRecorded = (
  o: { caseId?: string; n?: number; outcome?: ControlOutcome; findings?: ControlFindings; corrects?: string; released?: boolean } = {},
): ControlResultRecorded => {
  const caseId = o.caseId ?? CONTROL_DEFAULTS.caseId;
  return {
    type: 'ControlResultRecorded',
    data: {
      mrn: DEFAULTS.mrn,
      caseId,
      analysisId: caseId,
      phase: 'pre-arrival',
      memberStateOfControl: CONTROL_DEFAULTS.officer.memberState,
      resultId: `${caseId}-r${o.n ?? 1}`,
      outcome: o.outcome ?? 'no-irregularity',
      findings: o.findings ?? {},
      released: o.released ?? true,
      ...(o.corrects ? { corrects: o.corrects } : {}),
      responsibleMemberState: RISK_DEFAULTS.rms,
      involvedMemberStates: ['BE'],
      user: CONTROL_DEFAULTS.officer,
      recordedAt: RISK_DEFAULTS.at,
    },
  };
};
