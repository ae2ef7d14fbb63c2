import { completed, controlNoted, deciderSpec, DEFAULTS, linked, minimalFiling, mrnOf, refused, registered, rejected } from '@ics2/testing';
import { filingDecider } from '../filing.decider';

const given = deciderSpec(filingDecider);
const duplicateKey = [{ code: 'X08', pointer: '/consignmentMasterLevel/transportDocumentMasterLevel', description: 'unique linking key already used' }];
const master = registered({ filing: minimalFiling({ type: 'F21', houses: ['H-1'] }) });

describe('reject-filing', () => {
  describe('a registered filing whose linking key another open filing uses', () => {
    it('is rejected (IE3N01)', () => {
      given([master]).when({ type: 'RejectFiling', data: { errors: duplicateKey, at: DEFAULTS.at } }).then([rejected()]);
    });
  });
  describe('a linked filing', () => {
    it('is not rejected any more', () => {
      given([master, linked({ linkedMrn: mrnOf(2), linkedLevel: 'house', houseDocument: 'H-1' })])
        .when({ type: 'RejectFiling', data: { errors: duplicateKey, at: DEFAULTS.at } })
        .then(refused({ kind: 'not-applicable', reason: 'a linked filing is not rejected' }));
    });
  });
  describe('a rejected filing', () => {
    it('is rejected once', () => given([master, rejected()]).when({ type: 'RejectFiling', data: { errors: duplicateKey, at: DEFAULTS.at } }).thenNothingHappened());
  });
});

describe('propose-links', () => {
  const proposal = (candidateMrn: string, houseDocument = 'H-1') => ({ candidateMrn, houseDocument, matchedOn: ['container'] });
  const proposeAll = (...proposals: ReturnType<typeof proposal>[]) => ({ type: 'ProposeLinks' as const, data: { proposals, at: DEFAULTS.at } });
  const propose = (candidateMrn: string, houseDocument = 'H-1') => proposeAll(proposal(candidateMrn, houseDocument));
  const proposed = (candidateMrn: string, houseDocument = 'H-1') => ({ type: 'EnsLinkProposed' as const, data: { mrn: DEFAULTS.mrn, candidateMrn, houseDocument, matchedOn: ['container'], proposedAt: DEFAULTS.at } });
  describe('a master missing a house after the linking timer', () => {
    it('records a proposal for manual linking', () => {
      given([master]).when(propose(mrnOf(5))).then([proposed(mrnOf(5))]);
    });
    it('records every proposal of the command, in its order, each candidate once', () => {
      given([master]).when(proposeAll(proposal(mrnOf(5)), proposal(mrnOf(6)), proposal(mrnOf(5)))).then([proposed(mrnOf(5)), proposed(mrnOf(6))]);
    });
    it('proposes a candidate once', () => {
      given([master, proposed(mrnOf(5))]).when(propose(mrnOf(5))).thenNothingHappened();
      given([master, proposed(mrnOf(5))]).when(proposeAll(proposal(mrnOf(5)), proposal(mrnOf(6)))).then([proposed(mrnOf(6))]);
    });
    it('leaves out a proposal for a house document the master does not miss', () => {
      given([master]).when(proposeAll(proposal(mrnOf(5), 'H-9'), proposal(mrnOf(6)))).then([proposed(mrnOf(6))]);
    });
  });
  describe('a complete master', () => {
    it('needs no proposal', () => given([master, linked({ linkedMrn: mrnOf(2), linkedLevel: 'house', houseDocument: 'H-1' }), completed()]).when(propose(mrnOf(5))).thenNothingHappened());
  });
});

describe('note-control', () => {
  it('records that customs decided a control, once', () => {
    given([master]).when({ type: 'NoteControl', data: { memberState: 'DE', source: 'control-results', at: DEFAULTS.at } }).then([controlNoted()]);
    given([master, controlNoted()]).when({ type: 'NoteControl', data: { memberState: 'DE', source: 'control-results', at: DEFAULTS.at } }).thenNothingHappened();
  });
  describe('an invalidated or rejected filing', () => {
    it('is not noted: it declares no goods to control, and stays as it ended', () => {
      const note = { type: 'NoteControl' as const, data: { memberState: 'DE', source: 'control-results', at: DEFAULTS.at } };
      given([master, { type: 'EnsFilingInvalidated', data: { mrn: DEFAULTS.mrn, reason: 'requested', invalidatedAt: DEFAULTS.at } }])
        .when(note)
        .then(refused({ kind: 'not-applicable', reason: 'the filing is invalidated' }));
      given([master, rejected()]).when(note).then(refused({ kind: 'not-applicable', reason: 'the filing was rejected' }));
    });
  });
});
