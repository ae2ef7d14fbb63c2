/**
 * The audit source door every event-sourced service has (libs/platform audit-source.grpc-controller.ts), here on
 * control-results: a stream id the event store cannot hold, or an MRN that is none, is refused, coded, before any
 * access is recorded.
 */
import { Metadata } from '@grpc/grpc-js';
import { auditV1 } from '@ics2/contracts';
import { grpcClient, mrnOf, type TestGrpcClient } from '@ics2/testing';
import { startControlResults, type ControlResultsHarness } from './control-results.test-harness';

// 10,000 letters that do not repeat in any short period, so PostgreSQL cannot compress them under its index's limit.
const LONG_ID = Array.from({ length: 10_000 }, (_, i) => String.fromCharCode(65 + Math.floor(((((Math.sin(i + 1) * 10_000) % 1) + 1) % 1) * 26))).join('');
const MRN = mrnOf(1);

describe('audit source', () => {
  let h: ControlResultsHarness;
  let audit: TestGrpcClient;
  let auditor: Metadata;

  beforeAll(async () => {
    h = await startControlResults({ prefix: 'cr_audit_source' });
    audit = grpcClient(auditV1.AUDIT_SOURCE_PROTO, auditV1.AUDIT_SOURCE_SERVICE, h.service.app.grpcAddress);
    auditor = new Metadata();
    auditor.set('authorization', `Bearer ${await h.service.token({ role: 'auditor', userId: 'olaf-1' })}`);
    auditor.set('x-ics2-purpose', 'ECA 2026 case 17');
  }, 30_000);
  afterAll(async () => {
    audit.close();
    await h.close();
  });

  const accessEvents = async () => Number((await (await h.db.admin()).query("SELECT count(*) AS n FROM event_store.events WHERE stream_id LIKE 'access-%'")).rows[0].n);

  describe('StateAsOf', () => {
    it('answers a stream it keeps that has no events yet with the initial state, and records the read', async () => {
      const before = await accessEvents();
      const reply = await audit.call<auditV1.StateAsOfReply>('StateAsOf', { stream_id: 'control-26DE0000000000ABC1', as_of: '', before_revision: 0 }, auditor);
      expect(reply).toMatchObject({ ok: true, reply: { stream_id: 'control-26DE0000000000ABC1', revision: -1, events_applied: 0 } });
      expect(await accessEvents()).toBe(before + 1);
    });

    it.each([
      ['ending in a space', 'control-26DE0000000000ABC1 '],
      ['holding a line feed', 'control-26DE\n0000000000ABC1'],
      ['holding an escape', 'control-26DE\u001b[2J'],
      ['of 10,000 characters', `control-${LONG_ID}`],
    ])('refuses a stream id %s (12 at /streamId) and records no access', async (_what, streamId) => {
      const before = await accessEvents();
      const reply = await audit.call('StateAsOf', { stream_id: streamId, as_of: '', before_revision: 0 }, auditor);
      expect(reply).toMatchObject({ ok: false, kind: 'validation', errorCode: 'AUDIT.INVALID_REQUEST', details: [{ validationCode: '12', pointer: '/streamId' }] });
      expect(await accessEvents()).toBe(before);
    });
  });

  describe('ListDeliveries', () => {
    it('answers the deliveries of MRNs (none on a service without feeds) and records each read', async () => {
      const before = await accessEvents();
      const reply = await audit.call<auditV1.ListDeliveriesReply>('ListDeliveries', { mrns: [MRN, mrnOf(2)] }, auditor);
      expect(reply).toMatchObject({ ok: true, reply: {} });
      expect(await accessEvents()).toBe(before + 2);
    });

    it.each([
      ['ending in a space', `${MRN} `],
      ['holding a line feed', '26DE\n0000000000ABC1'],
      ['holding an escape', '26DE\u001b[2J'],
      ['beginning with $', `$${MRN}`],
      ['of 10,000 characters', LONG_ID],
    ])('refuses an MRN %s (12 at /mrns/1) and records no access, not even of the MRN before it', async (_what, mrn) => {
      const before = await accessEvents();
      const reply = await audit.call('ListDeliveries', { mrns: [MRN, mrn] }, auditor);
      expect(reply).toMatchObject({ ok: false, kind: 'validation', errorCode: 'AUDIT.INVALID_REQUEST', details: [{ validationCode: '12', pointer: '/mrns/1' }] });
      expect(await accessEvents()).toBe(before);
    });
  });
});
