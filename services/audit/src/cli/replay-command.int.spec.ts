/**
 * `replay` as the CLI runs it, on a real PostgreSQL: every service's published replay entry is found and loaded by
 * its path (no import of another service), `all` over a freshly migrated stack is equal, a forged row in one read
 * model turns the answer to exit 1 naming its table, and wrong arguments or a missing URL exit 2 before anything runs.
 */
import { join } from 'node:path';
import { migrateEventStore } from '@ics2/event-store';
import { freshDatabase, type FreshDatabase } from '@ics2/testing';
import { replayableServices, replayEntryOf, runReplay, SERVICES_ROOT, type AllReplayReport } from './replay-command';

const READ_MODEL_SERVICES = ['common-repository', 'control-results', 'crms', 'risk-analysis', 'trader-interface'];

function capture() {
  const text = { stdout: '', stderr: '' };
  return { text, out: { print: (t: string) => void (text.stdout += t), error: (t: string) => void (text.stderr += t) } };
}

describe('replay command', () => {
  let db: FreshDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    // Each service's own migrations, through its published entry point (what docker/migrate.cjs runs).
    db = await freshDatabase('audit_replay', async (url) => {
      await migrateEventStore(url);
      for (const service of replayableServices()) {
        const { migrate } = (await import(join(SERVICES_ROOT, service, 'src', 'migrate'))) as { migrate: (ownerUrl: string) => Promise<void> };
        await migrate(url);
      }
    });
    env = { MIGRATION_DATABASE_URL: db.adminUrl, DATABASE_URL: db.appUrl };
  }, 60_000);

  afterAll(async () => {
    await db?.drop();
  });

  it('finds the services that publish a replay entry, and no path outside the services', () => {
    expect(replayableServices()).toEqual(expect.arrayContaining(READ_MODEL_SERVICES));
    expect(replayableServices()).not.toContain('audit');
    expect(replayEntryOf('../libs')).toBeUndefined();
  });

  it('replays every read model of every service, equal on a stack with no events yet', async () => {
    const { text, out } = capture();
    expect(await runReplay(['all'], env, out)).toBe(0);
    const report = JSON.parse(text.stdout) as AllReplayReport;
    expect(report.equal).toBe(true);
    expect(report.services.map((s) => s.service)).toEqual(expect.arrayContaining(READ_MODEL_SERVICES));
    expect(report.services.flatMap((s) => s.readModels.map((r) => r.readModel))).toEqual(expect.arrayContaining(['risk-analysis.analyses', 'trader-interface.notifications']));
  }, 60_000);

  it('exits 1 and names the table when a read model has a row the events do not give', async () => {
    const owner = await db.admin();
    await owner.query(`INSERT INTO risk_analysis.signal_sequences (member_state, last_seq) VALUES ('FR', 3)`);
    const { text, out } = capture();
    expect(await runReplay(['risk-analysis.signals'], env, out)).toBe(1);
    const report = JSON.parse(text.stdout);
    expect(report).toMatchObject({ service: 'risk-analysis', equal: false, readModels: [{ readModel: 'risk-analysis.signals' }] });
    expect(report.readModels[0].tables).toContainEqual(expect.objectContaining({ table: 'risk_analysis.signal_sequences', extra: 1, samples: [{ kind: 'extra', key: { member_state: 'FR' } }] }));
  });

  it('refuses, with exit 2 and nothing on stdout, a missing argument, an unknown service or a missing URL', async () => {
    for (const [args, environment, message] of [
      [[], env, /usage: replay/],
      [['nowhere.read-model'], env, /no service nowhere/],
      [['risk-analysis.analyses'], { DATABASE_URL: db.appUrl }, /MIGRATION_DATABASE_URL/],
    ] as const) {
      const { text, out } = capture();
      expect(await runReplay(args, environment, out)).toBe(2);
      expect(text.stderr).toMatch(message);
      expect(text.stdout).toBe('');
    }
  });

  it('exits 2, a usage error, for a read model its service does not have', async () => {
    const { text, out } = capture();
    expect(await runReplay(['risk-analysis.nothing'], env, out)).toBe(2);
    expect(text.stderr).toMatch(/risk-analysis has no read model risk-analysis\.nothing/);
  });

  it('exits 3, not 1 as for a difference, when the replay cannot be carried out', async () => {
    const { text, out } = capture();
    const unreachable = { ...env, MIGRATION_DATABASE_URL: 'postgres://owner@127.0.0.1:1/ics2' };
    expect(await runReplay(['risk-analysis.signals'], unreachable, out)).toBe(3);
    expect(text.stderr).toMatch(/^replay failed: /);
    expect(text.stdout).toBe('');
  });
});
