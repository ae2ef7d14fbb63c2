import { CONTROL_DEFAULTS, caseData, caseOpened, controlDecided, deciderSpec, refused, resultRecorded } from '@ics2/testing';
import type { MemberStateUser } from '@ics2/contracts';
import { controlCaseDecider } from './control-case.decider';
import type { DecideControl, RecordControlResult } from './control-case.commands';

const given = deciderSpec(controlCaseDecider);
const HEAD = controlDecided().data.mrn;
const AT = '2026-12-02T08:00:00.000Z';
const user = (memberState: string): MemberStateUser => ({ memberState, userId: `${memberState.toLowerCase()}-control-1` });

const decide = (o: Partial<DecideControl['data']> = {}): DecideControl => ({
  type: 'DecideControl',
  data: { caseId: CONTROL_DEFAULTS.caseId, control: true, controlType: 'physical', office: CONTROL_DEFAULTS.office, user: CONTROL_DEFAULTS.officer, at: AT, ...o },
});
const record = (o: Partial<RecordControlResult['data']> = {}): RecordControlResult => ({
  type: 'RecordControlResult',
  data: { caseId: CONTROL_DEFAULTS.caseId, outcome: 'no-irregularity', findings: {}, released: true, user: CONTROL_DEFAULTS.officer, at: AT, ...o },
});

describe('the control cases of an ENS', () => {
  describe('a recommended control', () => {
    it('opens a case for the Member State of control', () => given([]).when({ type: 'OpenControlCase', data: caseData() }).then([caseOpened()]));
    it('opens it once (a redelivered recommendation)', () => given([caseOpened()]).when({ type: 'OpenControlCase', data: caseData() }).thenNothingHappened());
    it('opens a second case for a re-analysis that recommends again', () => {
      given([caseOpened()]).when({ type: 'OpenControlCase', data: caseData({ caseId: 'pre-arrival-2' }) }).then([caseOpened({ caseId: 'pre-arrival-2' })]);
    });
  });

  describe('the decision to control', () => {
    it('names type and office and carries who is to be told (IE3N08, IE3N09 to AEOs)', () => {
      given([caseOpened({ aeoParties: ['LU987654321'] })])
        .when(decide({ place: 'shed 4', scheduledAt: '2026-12-03T09:00:00.000Z' }))
        .then([
          {
            type: 'ControlDecided',
            data: {
              ...controlDecided({ aeoParties: ['LU987654321'] }).data,
              place: 'shed 4',
              scheduledAt: '2026-12-03T09:00:00.000Z',
              decidedAt: AT,
            },
          },
        ]);
    });
    it('names the ENS as the common repository now holds it, not as analysed: a refiled house in, an invalidated one out', () => {
      const ensMembers = [
        { mrn: HEAD, personFiling: 'DE123456789012345' },
        { mrn: 'REFILED', personFiling: 'NL111111111' },
      ];
      given([caseOpened()])
        .when(decide({ ensMembers }))
        .then([{ type: 'ControlDecided', data: { ...controlDecided().data, members: [HEAD, 'REFILED'], memberFilers: ensMembers, decidedAt: AT } }]);
    });
    it('not to control says why', () => {
      given([caseOpened()])
        .when(decide({ control: false, controlType: undefined, office: undefined, reason: 'capacity elsewhere' }))
        .then([{ type: 'ControlDecided', data: { ...controlDecided({ control: false }).data, decidedAt: AT } }]);
    });
    it('refuses no control without a reason', () => {
      given([caseOpened()]).when(decide({ control: false, controlType: undefined, office: undefined })).then(refused({ kind: 'lifecycle', code: '12', pointer: '/reason', reason: 'a decision not to control says why' }));
    });
    it('refuses a control type off the list', () => {
      expect(given([caseOpened()]).when(decide({ controlType: 'telepathy' })).decision()).toMatchObject({ kind: 'lifecycle', code: '12', pointer: '/controlType' });
    });
    it('refuses an office that is not a customs office reference', () => {
      expect(given([caseOpened()]).when(decide({ office: 'nowhere' })).decision()).toMatchObject({ kind: 'lifecycle', code: '12', pointer: '/office' });
    });
    it("refuses an office of another Member State than the one of control", () => {
      given([caseOpened()]).when(decide({ office: 'FR000830' })).then(refused({ kind: 'lifecycle', code: '12', pointer: '/office', reason: 'an office of DE' }));
    });
    it('refuses a scheduled date that is not an instant', () => {
      // Date.parse takes '1' (2001) and 'March 3': not instants either.
      for (const scheduledAt of ['tomorrow', '1', 'March 3', '2026-12-03']) {
        expect(given([caseOpened()]).when(decide({ scheduledAt })).decision()).toMatchObject({ kind: 'lifecycle', code: '12', pointer: '/scheduledAt' });
      }
    });
    it('is taken once', () => {
      given([caseOpened(), controlDecided()]).when(decide()).then(refused({ kind: 'lifecycle', code: '92', pointer: '', reason: 'the control is decided already' }));
    });
    it('belongs to the Member State of control: the responsible one may not take it', () => {
      given([caseOpened({ memberStateOfControl: 'NL', rms: 'DE' })]).when(decide({ user: user('DE') })).then(refused({ kind: 'permission', reason: 'only the Member State of control decides' }));
    });
    it('is not found for a Member State with no part in the case', () => {
      given([caseOpened()]).when(decide({ user: user('IT') })).then(refused({ kind: 'not-found' }));
    });
    it('belongs to Greece when a case opened before the normalisation names it EL: a GR officer decides, others do not', () => {
      const old = [caseOpened({ memberStateOfControl: 'EL', rms: 'DE' })];
      expect(given(old).when(decide({ user: user('GR'), office: 'GR001234' })).decision()).toMatchObject([{ type: 'ControlDecided', data: { control: true, office: 'GR001234', user: { memberState: 'GR' } } }]);
      given(old).when(decide({ user: user('IT'), office: 'GR001234' })).then(refused({ kind: 'not-found' }));
    });
    it('is not found for an unknown case', () => {
      given([caseOpened()]).when(decide({ caseId: 'pre-arrival-9' })).then(refused({ kind: 'not-found' }));
      given([]).when(decide()).then(refused({ kind: 'not-found' }));
    });
  });

  describe('the result of a control', () => {
    const decidedCase = [caseOpened({ criteria: [{ id: 'eu-sec-001', version: 1 }, { id: 'eu-ipr-001', version: 1 }] }), controlDecided()];

    it('is recorded with its outcome, findings and release, shared with the responsible and involved Member States', () => {
      const findings = { goods: 'counterfeit watches', quantities: '40 of 200 pieces', confirmedCriteria: [{ id: 'eu-ipr-001', version: 1 }] };
      given(decidedCase)
        .when(record({ outcome: 'irregularity-found', findings, released: false }))
        .then([{ type: 'ControlResultRecorded', data: { ...resultRecorded({ outcome: 'irregularity-found', findings, released: false }).data, recordedAt: AT } }]);
    });
    it('refuses an outcome off the list', () => {
      expect(given(decidedCase).when(record({ outcome: 'fine' })).decision()).toMatchObject({ kind: 'lifecycle', code: '12', pointer: '/outcome' });
    });
    it('refuses "not performed" without saying why', () => {
      given(decidedCase).when(record({ outcome: 'not-performed' })).then(refused({ kind: 'lifecycle', code: '12', pointer: '/notes', reason: 'say why the control was not performed' }));
    });
    it('refuses to confirm a criterion that did not lead to the control', () => {
      given(decidedCase)
        .when(record({ outcome: 'seizure', findings: { confirmedCriteria: [{ id: 'eu-sec-001', version: 1 }, { id: 'eu-csh-001', version: 1 }] } }))
        .then(refused({ kind: 'lifecycle', code: '12', pointer: '/confirmedCriteria/1', reason: 'a criterion that led to this control' }));
    });
    it('waits for the decision', () => {
      given([caseOpened()]).when(record()).then(refused({ kind: 'lifecycle', code: '92', pointer: '', reason: 'decide the control first' }));
    });
    it('has nothing to record after a decision not to control', () => {
      given([caseOpened(), controlDecided({ control: false })]).when(record()).then(refused({ kind: 'lifecycle', code: '92', pointer: '', reason: 'no control was decided' }));
    });
    it('is recorded once: a second result must be a correction', () => {
      given([...decidedCase, resultRecorded()]).when(record()).then(refused({ kind: 'lifecycle', code: '92', pointer: '/corrects', reason: 'a result is recorded: record a correction of it' }));
    });
    it('is corrected by a new result naming the one it corrects, never overwritten', () => {
      const given3 = given([...decidedCase, resultRecorded()]);
      given3
        .when(record({ outcome: 'seizure', corrects: 'pre-arrival-1-r1', released: false }))
        .then([{ type: 'ControlResultRecorded', data: { ...resultRecorded({ n: 2, outcome: 'seizure', corrects: 'pre-arrival-1-r1', released: false }).data, recordedAt: AT } }]);
    });
    it('refuses to correct a result already corrected, or an unknown one', () => {
      const corrected = [...decidedCase, resultRecorded(), resultRecorded({ n: 2, corrects: 'pre-arrival-1-r1' })];
      given(corrected).when(record({ corrects: 'pre-arrival-1-r1' })).then(refused({ kind: 'lifecycle', code: '12', pointer: '/corrects', reason: 'only the current result can be corrected' }));
      given(corrected).when(record({ corrects: 'pre-arrival-1-r9' })).then(refused({ kind: 'lifecycle', code: '12', pointer: '/corrects', reason: 'only the current result can be corrected' }));
      expect(given(corrected).when(record({ corrects: 'pre-arrival-1-r2' })).decision()).toEqual([expect.objectContaining({ data: expect.objectContaining({ resultId: 'pre-arrival-1-r3' }) })]);
    });
    it('is recorded only by the Member State of control', () => {
      given(decidedCase).when(record({ user: user('BE') })).then(refused({ kind: 'permission', reason: 'only the Member State of control records results' }));
      given(decidedCase).when(record({ user: user('IT') })).then(refused({ kind: 'not-found' }));
    });
  });

  describe('the state', () => {
    it('follows the case from decision to result', () => {
      const s = given([caseOpened(), controlDecided(), resultRecorded()]).state();
      expect(s).toMatchObject({ status: 'open', cases: [{ status: 'result-recorded', results: [{ resultId: 'pre-arrival-1-r1' }] }] });
    });
  });
});
