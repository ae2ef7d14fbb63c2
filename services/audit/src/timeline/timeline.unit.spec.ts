import type { EnsEvent } from '@ics2/contracts';
import type { RecordedEvent } from '@ics2/event-store';
import { completed, linked, mrnOf, registered } from '@ics2/testing';
import { familyOf, readFamily, streamsOf } from './ens-family';
import { timelineOf } from './timeline';

const master = mrnOf(1);
const house = mrnOf(2);
const arrival = mrnOf(3, true);

describe('the family of an MRN', () => {
  it('is the filing, those it is linked with and the members of its completions, headed by the completion head', () => {
    const events: EnsEvent[] = [registered({ mrn: house }), linked({ mrn: house, linkedMrn: master, linkedLevel: 'master', houseDocument: 'HAWB-1' }), completed({ mrn: house, phase: 'pre-arrival', members: [master, house] })];
    const family = familyOf(house, events);
    expect([...family.mrns].sort()).toEqual([master, house].sort());
    expect([...family.heads]).toEqual([master]);
    expect(streamsOf(family)).toEqual([`ens-${house}`, `ens-${master}`, `risk-${master}`, `control-${master}`]);
  });

  it('takes in the arrivals that named it', () => {
    const family = familyOf(house, [{ type: 'EnsFilingArrived', data: { mrn: house, arrivalMrn: arrival, arrivedAt: '2026-12-02T06:00:00.000Z', officeOfArrival: 'DE004700', notifiedBy: 'LU987654321' } }]);
    expect(streamsOf(family)).toContain(`arrival-${arrival}`);
  });

  it('keeps a house unlinked since in its history, but not among the filings linked once its link was released', () => {
    const refiled = mrnOf(4);
    const unlinked: EnsEvent = { type: 'EnsFilingUnlinked', data: { mrn: master, unlinkedMrn: house, houseDocuments: ['HAWB-1'], reason: 'partner-invalidated', unlinkedAt: '2026-12-01T11:00:00.000Z' } };
    const events: EnsEvent[] = [
      linked({ mrn: master, linkedMrn: house, linkedLevel: 'house', houseDocument: 'HAWB-1' }),
      unlinked,
      linked({ mrn: master, linkedMrn: refiled, linkedLevel: 'house', houseDocument: 'HAWB-1' }),
      // The invalidated house's own half of the link is never taken back on its stream: the master's release counts.
      linked({ mrn: house, linkedMrn: master, linkedLevel: 'master', houseDocument: 'HAWB-1' }),
    ];
    const family = familyOf(master, events);
    expect([...family.mrns].sort()).toEqual([master, house, refiled].sort());
    expect([...family.linked].sort()).toEqual([master, refiled].sort());
    // Linked again after a release (a refusal, then a new link on both sides): linked.
    expect([...familyOf(master, [...events.slice(0, 2), linked({ mrn: master, linkedMrn: house, linkedLevel: 'house', houseDocument: 'HAWB-1' })]).linked].sort()).toEqual([master, house].sort());
  });

  it('is the filing alone, its own risk and control streams, before anything linked or completed', () => {
    expect(streamsOf(familyOf(house, [registered({ mrn: house })]))).toEqual([`ens-${house}`, `risk-${house}`, `control-${house}`]);
  });
});

describe('the family as the log held it before a position', () => {
  // The log: the master registered (1), the house registered (2), a decision at 3, then the link in both streams (4, 5).
  const at = (n: number) => ({ commit: BigInt(n), prepare: BigInt(n) });
  const recorded = (e: EnsEvent, streamMrn: string, n: number, revision: number): RecordedEvent => ({
    id: `e${n}`,
    type: e.type,
    data: e.data,
    metadata: { schemaVersion: 1, occurredAt: '2026-12-01T10:00:00.000Z', correlationId: streamMrn, causationId: null, actor: { kind: 'system', component: 'test' } },
    streamId: `ens-${streamMrn}`,
    revision,
    position: at(n),
    recordedAt: '2026-12-01T10:00:00.123Z',
    hash: null,
  });
  const log = [
    recorded(registered({ mrn: master }), master, 1, 0),
    recorded(registered({ mrn: house }), house, 2, 0),
    recorded(linked({ mrn: master, linkedMrn: house, linkedLevel: 'house', houseDocument: 'HAWB-1' }), master, 4, 1),
    recorded(linked({ mrn: house, linkedMrn: master, linkedLevel: 'master', houseDocument: 'HAWB-1' }), house, 5, 1),
  ];
  const read = async (streams: readonly string[]) => log.filter((e) => streams.includes(e.streamId));

  it('now: the master with its linked house, each filing with all its events', async () => {
    const now = await readFamily(master, read);
    expect([...(now?.family.mrns ?? [])].sort()).toEqual([master, house].sort());
    expect(now?.eventsOf).toEqual(new Map([[master, 2], [house, 2]]));
  });

  it('before the link: the master alone, with the events it had then', async () => {
    const then = await readFamily(master, read, at(3));
    expect([...(then?.family.mrns ?? [])]).toEqual([master]);
    expect(then?.eventsOf).toEqual(new Map([[master, 1]]));
  });

  it('before the filing itself: nothing', async () => {
    expect(await readFamily(house, read, at(2))).toBeUndefined();
  });
});

describe('a timeline', () => {
  const event = (id: string, type: string, revision: number, commit: bigint): RecordedEvent => ({
    id,
    type,
    data: { mrn: master },
    metadata: { schemaVersion: 1, occurredAt: '2026-12-01T10:00:00.000Z', correlationId: master, causationId: null, actor: { kind: 'member-state', memberState: 'DE', userId: 'de-1' } },
    streamId: `risk-${master}`,
    revision,
    position: { commit, prepare: commit },
    recordedAt: '2026-12-01T10:00:00.123Z',
    hash: 'ab'.repeat(32),
  });

  it('keeps the log order and names each actor, and puts each delivery under the event that caused it', () => {
    const entries = timelineOf(
      [event('e1', 'RiskAnalysed', 0, 10n), event('e2', 'ReferralRequested', 1, 12n)],
      [
        { feed: 'notification inbox', recipient: 'LU987654321', seq: '3', id: 'n2', kind: 'IE3N04', mrn: master, created_at: '2026-12-01T10:00:01.000Z', source_event_id: 'e2' },
        { feed: 'notification inbox', recipient: 'DE123456789012345', seq: '7', id: 'n1', kind: 'IE3Q02', mrn: master, created_at: '2026-12-01T10:00:01.000Z', source_event_id: 'e2' },
      ],
    );
    expect(entries.map((e) => [e.type, e.actor, e.position])).toEqual([
      ['RiskAnalysed', 'member-state:DE/de-1', '10/10'],
      ['ReferralRequested', 'member-state:DE/de-1', '12/12'],
    ]);
    expect(entries[0].deliveries).toEqual([]);
    expect(entries[1].deliveries.map((d) => [d.recipient, d.kind])).toEqual([
      ['DE123456789012345', 'IE3Q02'],
      ['LU987654321', 'IE3N04'],
    ]);
  });
});
