import { amended, completed, completenessPending, controlNoted, linked, mrnOf, presented, registered, rejected, responsibilityAssigned, invalidated, arrived } from '@ics2/testing';
import { amendmentRejected, arrivalRegistered, invalidatedOnRequest, invalidationRejected } from '../notifications.test-harness';
import type { FilingFacts, InboxEvent } from './notification';
import { draftNotifications } from './notification-drafts';
import { notificationId } from './notification-id';
import { NOTIFICATION_RULES } from './notification-rules.table';

const DECLARANT = 'DE123456789012345';
const REPRESENTATIVE = 'FR555555555';
const CARRIER = 'LU987654321';
const FORWARDER = 'NL111111111';
const MRN = mrnOf(1);
const EVENT_ID = '6f9619ff-8b86-4d11-b42d-00c04fc964ff';

const master = registered({ mrn: MRN, type: 'F21', lrn: 'LRN-M', declarant: DECLARANT, carrier: CARRIER, houses: ['H-1', 'H-2', 'H-3'] });
const filing: FilingFacts = { mrn: MRN, lrn: 'LRN-M', parties: master.data.parties };

/** Who gets what: recipient, message type and MRN of each notification, in table order. */
const addressed = (event: InboxEvent, facts: FilingFacts | null = filing) =>
  draftNotifications(EVENT_ID, event, facts ?? undefined).map((d) => ({ to: d.recipient, messageType: d.messageType, mrn: d.mrn }));

describe('notification rules', () => {
  describe('EnsFilingRegistered', () => {
    it('gives the person filing an IE3R01 with the registration', () => {
      expect(draftNotifications(EVENT_ID, master, filing)).toEqual([
        {
          id: notificationId(EVENT_ID, 'IE3R01', DECLARANT),
          recipient: DECLARANT,
          messageType: 'IE3R01',
          mrn: MRN,
          payload: {
            mrn: MRN,
            lrn: 'LRN-M',
            registeredAt: master.data.registeredAt,
            specificCircumstanceIndicator: 'F21',
            customsOfficeOfFirstEntry: 'DE004700',
            declarant: DECLARANT,
            representative: null,
            carrier: CARRIER,
          },
        },
      ]);
    });

    it('goes to the representative when it lodged the filing, not to the declarant', () => {
      const byRepresentative = registered({ mrn: MRN, declarant: DECLARANT, representative: REPRESENTATIVE, filedBy: REPRESENTATIVE });
      const facts = { mrn: MRN, lrn: 'LRN-1', parties: byRepresentative.data.parties };
      expect(addressed(byRepresentative, facts)).toEqual([{ to: REPRESENTATIVE, messageType: 'IE3R01', mrn: MRN }]);
      expect(draftNotifications(EVENT_ID, byRepresentative, facts)[0].payload).toMatchObject({ declarant: DECLARANT, representative: REPRESENTATIVE });
    });
  });

  describe('refusals (IE3N01)', () => {
    it('a rejected filing: to the person filing, with its errors in the trader API\'s words', () => {
      const [draft] = draftNotifications(EVENT_ID, rejected({ mrn: MRN }), filing);
      expect(draft).toMatchObject({ recipient: DECLARANT, messageType: 'IE3N01', mrn: MRN });
      expect(draft.payload).toEqual({
        mrn: MRN,
        rejectedMessage: 'filing',
        messageId: null,
        rejectedAt: '2026-12-01T10:00:00.000Z',
        errors: [{ validationCode: 'X08', pointer: '/consignmentMasterLevel/transportDocumentMasterLevel', description: 'unique linking key already used' }],
      });
    });

    it('a refused amendment or invalidation: to whoever sent it, naming its message id', () => {
      expect(addressed(amendmentRejected({ mrn: MRN, by: REPRESENTATIVE }))).toEqual([{ to: REPRESENTATIVE, messageType: 'IE3N01', mrn: MRN }]);
      expect(draftNotifications(EVENT_ID, amendmentRejected({ mrn: MRN, by: REPRESENTATIVE, messageId: 'A-9' }), filing)[0].payload).toMatchObject({
        rejectedMessage: 'amendment',
        messageId: 'A-9',
        errors: [{ validationCode: '92', pointer: '/', description: 'the goods were presented' }],
      });
      expect(draftNotifications(EVENT_ID, invalidationRejected({ mrn: MRN, by: DECLARANT, messageId: 'Q-1' }), filing)).toEqual([
        expect.objectContaining({ recipient: DECLARANT, messageType: 'IE3N01', payload: expect.objectContaining({ rejectedMessage: 'invalidation', messageId: 'Q-1' }) }),
      ]);
    });
  });

  it('an accepted amendment: IE3N10 to whoever amended, with the changed elements', () => {
    const event = amended({ mrn: MRN, filing: master.data.filing, by: REPRESENTATIVE, messageId: 'A-1', changed: ['/declarant/name'] });
    expect(draftNotifications(EVENT_ID, event, filing)).toEqual([
      expect.objectContaining({
        recipient: REPRESENTATIVE,
        messageType: 'IE3N10',
        payload: { mrn: MRN, lrn: 'LRN-M', messageId: 'A-1', amendedAt: '2026-12-01T10:00:00.000Z', changed: ['/declarant/name'] },
      }),
    ]);
  });

  describe('EnsCompletenessPending', () => {
    const pending = completenessPending({ mrn: MRN, missing: [{ houseDocument: 'H-1', expectedFiler: FORWARDER }, { houseDocument: 'H-2' }, { houseDocument: 'H-3', expectedFiler: FORWARDER }] });

    it('gives IE3N02 to the person filing and the carrier, and one IE3N11 to each expected filer', () => {
      expect(addressed(pending)).toEqual([
        { to: DECLARANT, messageType: 'IE3N02', mrn: MRN },
        { to: CARRIER, messageType: 'IE3N02', mrn: MRN },
        { to: FORWARDER, messageType: 'IE3N11', mrn: MRN },
      ]);
      const [ie3n02, , ie3n11] = draftNotifications(EVENT_ID, pending, filing);
      expect(ie3n02.payload).toEqual({
        mrn: MRN,
        notedAt: '2026-12-01T10:00:00.000Z',
        missing: [
          { houseDocument: 'H-1', expectedFiler: FORWARDER },
          { houseDocument: 'H-2', expectedFiler: null },
          { houseDocument: 'H-3', expectedFiler: FORWARDER },
        ],
      });
      expect(ie3n11.payload).toEqual({ mrn: MRN, notedAt: '2026-12-01T10:00:00.000Z', missing: [{ houseDocument: 'H-1' }, { houseDocument: 'H-3' }] });
    });

    it('tells a carrier that filed the master once', () => {
      const own = { ...filing, parties: { filedBy: CARRIER, declarant: CARRIER, carrier: CARRIER } };
      expect(addressed(completenessPending({ mrn: MRN, missing: [{ houseDocument: 'H-2' }] }), own)).toEqual([{ to: CARRIER, messageType: 'IE3N02', mrn: MRN }]);
    });
  });

  describe('EnsFilingInvalidated', () => {
    it('on request: IE3R07 to whoever asked', () => {
      expect(draftNotifications(EVENT_ID, invalidatedOnRequest({ mrn: MRN, by: DECLARANT, messageId: 'Q-2' }), filing)).toEqual([
        expect.objectContaining({ recipient: DECLARANT, messageType: 'IE3R07', payload: { mrn: MRN, messageId: 'Q-2', invalidatedAt: '2026-12-01T10:00:00.000Z' } }),
      ]);
    });

    it('by the 200-day expiry: nothing, nobody asked', () => {
      expect(addressed(invalidated({ mrn: MRN, reason: 'expired' }))).toEqual([]);
    });
  });

  describe('ArrivalRegistered', () => {
    const arrivalMrn = mrnOf(9, true);
    const other = mrnOf(2);
    const third = mrnOf(3);
    const arrival = arrivalRegistered({ arrivalMrn, by: CARRIER, arrived: [MRN], refused: [{ mrn: other }, { mrn: third, code: '12' }], messageId: 'N06-1' });

    it('gives the notifier an IE3R04 about the arrival, and an IE3N07 per filing that could not arrive', () => {
      expect(addressed(arrival, null)).toEqual([
        { to: CARRIER, messageType: 'IE3R04', mrn: arrivalMrn },
        { to: CARRIER, messageType: 'IE3N07', mrn: other },
        { to: CARRIER, messageType: 'IE3N07', mrn: third },
      ]);
      const [ie3r04, ie3n07] = draftNotifications(EVENT_ID, arrival, undefined);
      expect(ie3r04.payload).toEqual({
        arrivalMrn,
        messageId: 'N06-1',
        officeOfArrival: 'DE004700',
        arrivedAt: '2026-12-01T10:00:00.000Z',
        registeredAt: '2026-12-01T10:00:00.000Z',
        arrived: [MRN],
        incorrectState: [other, third],
      });
      expect(ie3n07.payload).toEqual({ arrivalMrn, mrn: other, messageId: 'N06-1', errors: [{ validationCode: '92', pointer: '', description: 'the filing cannot become arrived' }] });
    });

    it('gives each IE3N07 an id of its own', () => {
      const ids = draftNotifications(EVENT_ID, arrival, undefined).map((d) => d.id);
      expect(new Set(ids).size).toBe(3);
    });
  });

  it('notifies nobody of the facts that are not customs-to-trader messages', () => {
    const silent: InboxEvent[] = [
      responsibilityAssigned({ mrn: MRN }),
      linked({ mrn: MRN, linkedMrn: mrnOf(2), linkedLevel: 'house', houseDocument: 'H-1' }),
      completed({ mrn: MRN }),
      arrived({ mrn: MRN }),
      presented({ mrn: MRN }),
      controlNoted({ mrn: MRN }),
    ];
    expect(silent.flatMap((e) => addressed(e))).toEqual([]);
  });

  it('notifies nobody when the filing is unknown to the inbox', () => {
    expect(addressed(rejected({ mrn: MRN }), null)).toEqual([]);
  });

  it('has a row, possibly empty, for every event type it reads', () => {
    expect(Object.keys(NOTIFICATION_RULES).sort()).toEqual(
      [
        'ArrivalRegistered',
        'ControlCaseOpened',
        'ControlDecided',
        'ControlResultRecorded',
        'EnsAmendmentRejected',
        'EnsArrivalRefused',
        'EnsCompletenessPending',
        'EnsConsistencyChecked',
        'EnsControlNoted',
        'EnsFilingAmended',
        'EnsFilingArrived',
        'EnsFilingCompleted',
        'EnsFilingInvalidated',
        'EnsFilingLinked',
        'EnsFilingUnlinked',
        'EnsFilingPresented',
        'EnsFilingRegistered',
        'EnsFilingRejected',
        'EnsHousePresentationNoted',
        'EnsInvalidationRejected',
        'EnsLinkProposed',
        'EnsPresentationNoted',
        'EnsResponsibilityAssigned',
        'DoNotLoadIssued',
        'ReferralAnswered',
        'ReferralRequested',
        'RiskAnalysed',
        'RiskAnalysisEscalated',
        'RiskAnalysisSuperseded',
        'RiskAssessmentCompleted',
        'RiskAssessmentOutdated',
        'RiskHitDismissed',
        'RiskMitigationAdded',
      ].sort(),
    );
  });
});
