import { analysed, assessmentCompleted, deciderSpec, referralAnswered, referralRequested, refused, RISK_DEFAULTS } from '@ics2/testing';
import type { AnswerReferral, InformationAnswer, ScreeningAnswer } from '../risk.commands';
import { riskDecider } from '../risk.decider';

const given = deciderSpec(riskDecider);
const at = RISK_DEFAULTS.at;

const ie3r02: InformationAnswer = { messageType: 'IE3R02', information: 'invoice attached' };
const ie3r03: ScreeningAnswer = { messageType: 'IE3R03', screening: { result: 'clear', methods: ['XRY'] } };

const answer = (content: InformationAnswer | ScreeningAnswer, o: { by?: string; reference?: string } = {}): AnswerReferral => ({
  type: 'AnswerReferral',
  data: { reference: o.reference ?? 'REF-1', by: o.by ?? RISK_DEFAULTS.personFiling, ...content, at },
});

const rfiOpen = [analysed(), referralRequested()];
const rfsOpen = [analysed(), referralRequested({ kind: 'RFS' })];

describe('answer-referral', () => {
  describe('an IE3R02 to an open request for information', () => {
    it('is recorded with its information, back to the risk unit', () => given(rfiOpen).when(answer(ie3r02)).then([referralAnswered()]));

    it('may carry documents only', () => {
      const documents = [{ type: 'N380', referenceNumber: 'INV-1' }];
      const { information: _information, ...withoutInformation } = referralAnswered().data;
      given(rfiOpen)
        .when(answer({ messageType: 'IE3R02', documents }))
        .then([{ type: 'ReferralAnswered', data: { ...withoutInformation, documents } }]);
    });

    it('carrying neither information nor documents is refused (12) and records nothing', () =>
      given(rfiOpen)
        .when(answer({ messageType: 'IE3R02' }))
        .then(refused({ kind: 'lifecycle', code: '12', reason: 'a request for information is answered with information or documents (IE3R02)' })));
  });

  describe('an IE3R03 to an open request for HRCM screening', () => {
    it('is recorded with the result and the methods used', () => given(rfsOpen).when(answer(ie3r03)).then([referralAnswered({ kind: 'RFS' })]));

    it('keeps its additional information with the screening', () =>
      given(rfsOpen)
        .when(answer({ messageType: 'IE3R03', screening: { ...ie3r03.screening, additionalInformation: 'screened at LEJ' } }))
        .then([referralAnswered({ kind: 'RFS', additionalInformation: 'screened at LEJ' })]));
  });

  describe('an answer of the other message type', () => {
    it('an IE3R02 to a screening request is refused (12 at /messageType) and records nothing', () =>
      given(rfsOpen)
        .when(answer(ie3r02))
        .then(refused({ kind: 'lifecycle', code: '12', pointer: '/messageType', reason: 'a screening request is answered with a screening result (IE3R03)' })));

    it('an IE3R03 to a request for information is refused (12 at /messageType) and records nothing', () =>
      given(rfiOpen)
        .when(answer(ie3r03))
        .then(refused({ kind: 'lifecycle', code: '12', pointer: '/messageType', reason: 'a request for information is answered with information or documents (IE3R02)' })));

    it("is not found when the referral is not the caller's: a misfit never shows that a referral exists", () =>
      given(rfiOpen).when(answer(ie3r03, { by: 'IT999999999' })).then(refused({ kind: 'not-found' })));
  });

  describe('to a referral that is not open for the caller', () => {
    it('unknown, answered, closed or someone else\'s: refused as not found', () => {
      given(rfiOpen).when(answer(ie3r02, { reference: 'REF-9' })).then(refused({ kind: 'not-found' }));
      given([...rfiOpen, referralAnswered()]).when(answer(ie3r02)).then(refused({ kind: 'not-found' }));
      given([...rfiOpen, assessmentCompleted()]).when(answer(ie3r02)).then(refused({ kind: 'not-found' }));
      given(rfiOpen).when(answer(ie3r02, { by: 'IT999999999' })).then(refused({ kind: 'not-found' }));
      given([]).when(answer(ie3r02)).then(refused({ kind: 'not-found' }));
    });
  });

  describe('a referral sent to a house filer', () => {
    const toForwarder = [analysed(), referralRequested({ personFiling: 'FR555555555' })];
    it('is answered by it', () => given(toForwarder).when(answer(ie3r02, { by: 'FR555555555' })).then([{ ...referralAnswered(), data: { ...referralAnswered().data, answeredBy: 'FR555555555' } }]));
    it("is not the head's filer's to answer: not found, nothing recorded", () => given(toForwarder).when(answer(ie3r02)).then(refused({ kind: 'not-found' })));
  });
});
