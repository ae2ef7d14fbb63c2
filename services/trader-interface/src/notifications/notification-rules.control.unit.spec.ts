/**
 * The rules table's control rows (ics2-reference 5.4, 11.3): a decision to control gives the person filing (of each
 * filing of the ENS as the decision names them) and the carrier an IE3N08 and each party holding AEO status an
 * IE3N09; a decision not to control, an opened case and a control result tell no trader. The recipients come from the decision itself, never from the head filing's index,
 * and no message says why the goods are controlled.
 */
import type { ControlDecided } from '@ics2/contracts';
import { caseOpened, CONTROL_DEFAULTS, controlDecided, DEFAULTS, mrnOf, resultRecorded, RISK_DEFAULTS } from '@ics2/testing';
import type { FilingFacts, InboxEvent } from './notification';
import { draftNotifications } from './notification-drafts';
import { notificationId } from './notification-id';
import { NOTIFICATION_CATEGORIES } from './notification-rules.table';

const PERSON_FILING = RISK_DEFAULTS.personFiling;
const CARRIER = RISK_DEFAULTS.carrier;
const OTHER = 'BE999999999';
const MRN = DEFAULTS.mrn;
const EVENT_ID = '6f9619ff-8b86-4d11-b42d-00c04fc964ff';

/** What filing_index might say of the head filing: the control rows never read it for their recipients. */
const headFiling: FilingFacts = { mrn: MRN, lrn: 'LRN-1', parties: { filedBy: OTHER, declarant: OTHER } };

/** Who gets what, in table order. */
const addressed = (event: InboxEvent) => draftNotifications(EVENT_ID, event, headFiling).map((d) => ({ to: d.recipient, messageType: d.messageType, mrn: d.mrn }));

/** A decision to control (unless `control: false`); `carrier: null` for an ENS that names none. */
const decided = (o: { control?: boolean; aeoParties?: readonly string[]; carrier?: string | null } = {}): ControlDecided => {
  const base = controlDecided({ control: o.control, aeoParties: o.aeoParties });
  const { carrier: _carrier, ...rest } = base.data;
  return { ...base, data: { ...rest, ...(o.carrier === null ? {} : { carrier: o.carrier ?? CARRIER }) } };
};

describe('notification rules: control', () => {
  it('reads the control streams too', () => {
    expect(NOTIFICATION_CATEGORIES).toContain('control');
  });

  describe('ControlDecided to control (IE3N08)', () => {
    it('goes to the person filing and the carrier, whatever the head filing\'s index says', () => {
      expect(addressed(decided())).toEqual([
        { to: PERSON_FILING, messageType: 'IE3N08', mrn: MRN },
        { to: CARRIER, messageType: 'IE3N08', mrn: MRN },
      ]);
    });

    it('goes to the person filing alone when the ENS names no carrier', () => {
      expect(addressed(decided({ carrier: null }))).toEqual([{ to: PERSON_FILING, messageType: 'IE3N08', mrn: MRN }]);
    });

    it('tells a carrier that is also the person filing once', () => {
      expect(addressed(decided({ carrier: PERSON_FILING }))).toEqual([{ to: PERSON_FILING, messageType: 'IE3N08', mrn: MRN }]);
    });
  });

  describe('ControlDecided to control, for an ENS whose house was invalidated and refiled after the analysis', () => {
    const [kept, refiled, invalidated] = [mrnOf(2), mrnOf(4), mrnOf(3)];
    const REFILER = 'NL111111111';
    const now = (memberFilers: ControlDecided['data']['memberFilers'], aeoParties: readonly string[] = []): ControlDecided => {
      const base = decided({ aeoParties });
      // The analysis named the invalidated house; the decision names the ENS as the common repository held it.
      return { ...base, data: { ...base.data, members: [MRN, kept, invalidated], memberFilers } };
    };

    it("tells each current filing's person filing about its own filing, the refiled house's included, and not the invalidated one's", () => {
      expect(addressed(now([{ mrn: MRN, personFiling: PERSON_FILING }, { mrn: kept, personFiling: OTHER }, { mrn: refiled, personFiling: REFILER }]))).toEqual([
        { to: PERSON_FILING, messageType: 'IE3N08', mrn: MRN },
        { to: OTHER, messageType: 'IE3N08', mrn: kept },
        { to: REFILER, messageType: 'IE3N08', mrn: refiled },
        { to: CARRIER, messageType: 'IE3N08', mrn: MRN },
      ]);
    });

    it('tells a person filing several of the filings once, about the first, and a carrier filing a house once', () => {
      expect(addressed(now([{ mrn: MRN, personFiling: PERSON_FILING }, { mrn: refiled, personFiling: PERSON_FILING }, { mrn: kept, personFiling: CARRIER }]))).toEqual([
        { to: PERSON_FILING, messageType: 'IE3N08', mrn: MRN },
        { to: CARRIER, messageType: 'IE3N08', mrn: kept },
      ]);
    });

    it("gives an AEO house filer its advance notice about its own house, and none to an AEO whose house left the ENS", () => {
      const filers = [{ mrn: MRN, personFiling: PERSON_FILING }, { mrn: kept, personFiling: OTHER }, { mrn: refiled, personFiling: REFILER }];
      // OTHER filed the kept house and holds AEO status; 'NL222222222' filed the invalidated house (AEO at the analysis).
      expect(addressed(now(filers, [OTHER, 'NL222222222'])).filter((a) => a.messageType === 'IE3N09')).toEqual([{ to: OTHER, messageType: 'IE3N09', mrn: kept }]);
    });

    it('tells nobody, an AEO included, once the ENS ended (its head invalidated)', () => {
      expect(addressed(now([], [CARRIER]))).toEqual([]);
    });
  });

  describe('ControlDecided to control, with AEOs (IE3N09)', () => {
    it('gives no IE3N09 when no party holds AEO status', () => {
      expect(addressed(decided({ aeoParties: [] })).map((a) => a.messageType)).toEqual(['IE3N08', 'IE3N08']);
    });

    it('gives an AEO its advance notice first, and the IE3N08 as well', () => {
      expect(addressed(decided({ aeoParties: [CARRIER] }))).toEqual([
        { to: CARRIER, messageType: 'IE3N09', mrn: MRN },
        { to: PERSON_FILING, messageType: 'IE3N08', mrn: MRN },
        { to: CARRIER, messageType: 'IE3N08', mrn: MRN },
      ]);
    });

    it('gives each AEO one IE3N09, however often the decision names it', () => {
      expect(addressed(decided({ aeoParties: [PERSON_FILING, CARRIER, PERSON_FILING] })).filter((a) => a.messageType === 'IE3N09')).toEqual([
        { to: PERSON_FILING, messageType: 'IE3N09', mrn: MRN },
        { to: CARRIER, messageType: 'IE3N09', mrn: MRN },
      ]);
    });
  });

  describe('what IE3N08 and IE3N09 carry', () => {
    const scheduled = ((): ControlDecided => {
      const base = decided({ aeoParties: [PERSON_FILING] });
      return { ...base, data: { ...base.data, place: 'DEHAM-shed-12', scheduledAt: '2026-12-02T08:00:00.000Z', reason: 'hit eu-sec-001: fireworks by air' } };
    })();

    it('the control, the office, the place, the date and the Member State of control', () => {
      const payload = { mrn: MRN, controlType: 'physical', office: CONTROL_DEFAULTS.office, place: 'DEHAM-shed-12', scheduledAt: '2026-12-02T08:00:00.000Z', decidedAt: RISK_DEFAULTS.at, memberStateOfControl: 'DE' };
      expect(draftNotifications(EVENT_ID, scheduled, headFiling)).toEqual([
        { id: notificationId(EVENT_ID, 'IE3N09', PERSON_FILING), recipient: PERSON_FILING, messageType: 'IE3N09', mrn: MRN, payload },
        { id: notificationId(EVENT_ID, 'IE3N08', PERSON_FILING), recipient: PERSON_FILING, messageType: 'IE3N08', mrn: MRN, payload },
        { id: notificationId(EVENT_ID, 'IE3N08', CARRIER), recipient: CARRIER, messageType: 'IE3N08', mrn: MRN, payload },
      ]);
    });

    it('null for what the decision leaves open (no place, no date)', () => {
      const [ie3n08] = draftNotifications(EVENT_ID, decided(), headFiling);
      expect(ie3n08.payload).toEqual({ mrn: MRN, controlType: 'physical', office: CONTROL_DEFAULTS.office, place: null, scheduledAt: null, decidedAt: RISK_DEFAULTS.at, memberStateOfControl: 'DE' });
    });

    it('never why: no risk reason, no criterion, no officer, no other filing of the ENS', () => {
      for (const draft of draftNotifications(EVENT_ID, scheduled, headFiling)) {
        expect(JSON.stringify(draft.payload)).not.toMatch(/fireworks|eu-sec-001|de-control-1|pre-arrival-1/);
        expect(Object.keys(draft.payload).sort()).toEqual(['controlType', 'decidedAt', 'memberStateOfControl', 'mrn', 'office', 'place', 'scheduledAt']);
      }
    });
  });

  it('tells no trader of a decision not to control, even an AEO', () => {
    expect(addressed(decided({ control: false, aeoParties: [PERSON_FILING, CARRIER] }))).toEqual([]);
  });

  it('tells no trader of an opened case or a control result: the Member States\' business', () => {
    expect([caseOpened({ aeoParties: [CARRIER] }), resultRecorded(), resultRecorded({ n: 2, outcome: 'seizure', corrects: 'pre-arrival-1-r1' })].flatMap(addressed)).toEqual([]);
  });
});
