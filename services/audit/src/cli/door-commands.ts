/**
 * The commands that read through the audit door: what an auditor sees is what the door shows, recorded in the
 * access log with the purpose given. Human-readable by default; --json prints the door's JSON as it is.
 */
import { MalformedDocumentError, verificationReportFromJson } from '@ics2/event-store';
import type { AuditCommand, CommandContext } from './audit-commands';
import { readText, writeText } from './cli-files';
import { UsageError } from './usage-error';

interface TimelineEntry {
  position: string;
  recordedAt: string;
  streamId: string;
  type: string;
  actor: string;
  eventId: string;
  deliveries: { recipient: string; kind: string }[];
}

const argument = (c: CommandContext, what: string): string => {
  const value = c.args[0];
  if (!value) throw new UsageError(`${what} is missing`);
  return value;
};
const json = (value: unknown) => JSON.stringify(value, null, 2);
const emit = (c: CommandContext, value: unknown, human: () => string) => c.out.print(c.options['json'] ? json(value) : human());
const query = (params: Record<string, string | boolean | undefined>) => {
  const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => typeof e[1] === 'string'));
  return q.size ? `?${q}` : '';
};

const timeline: AuditCommand = {
  async run(c) {
    const mrn = argument(c, 'the MRN');
    const t = await c.door().get<{ entries: TimelineEntry[]; filings: string[]; sources: Record<string, string> }>(`/v1/audit/mrns/${encodeURIComponent(mrn)}/timeline`);
    emit(c, t, () =>
      [
        `ENS of ${mrn}: filings ${t.filings.join(', ')}; deliveries ${t.sources['deliveries']}`,
        ...t.entries.map((e) => `${e.recordedAt}  ${e.type.padEnd(26)} ${e.actor.padEnd(36)} ${e.streamId}#${e.position}${e.deliveries.length ? `  -> ${e.deliveries.map((d) => `${d.kind}:${d.recipient}`).join(' ')}` : ''}`),
      ].join('\n'),
    );
    return 0;
  },
};

const state: AuditCommand = {
  async run(c) {
    const stream = argument(c, 'the stream id');
    const s = await c.door().get<{ revision: number; state: unknown }>(`/v1/audit/streams/${encodeURIComponent(stream)}/state${query({ asOf: c.options['as-of'] })}`);
    emit(c, s, () => json(s));
    return 0;
  },
};

const view: AuditCommand = {
  async run(c) {
    const id = argument(c, 'the event id');
    const v = await c.door().get(`/v1/audit/events/${encodeURIComponent(id)}/view`);
    emit(c, v, () => json(v));
    return 0;
  },
};

const accessLog: AuditCommand = {
  async run(c) {
    const log = await c.door().get<{ entries: { recordedAt: string; reader: string; resource: string; id: string; purpose: string; door: string }[] }>(
      `/v1/audit/access-log${query({ mrn: c.options['mrn'], userId: c.options['user'], memberState: c.options['member-state'] })}`,
    );
    emit(c, log, () => log.entries.map((e) => `${e.recordedAt}  ${e.reader.padEnd(36)} ${e.resource.padEnd(14)} ${e.id}  "${e.purpose}"  (${e.door})`).join('\n'));
    return 0;
  },
};

const verify: AuditCommand = {
  async run(c) {
    const report = await c.door().get<{ ok: boolean; eventsChecked: number; problems: unknown[] }>(`/v1/audit/verification${query({ stream: c.options['stream'] })}`);
    if (typeof c.options['out'] === 'string') writeText(c.options['out'], json(report));
    emit(c, report, () => (report.ok ? `verified: ${report.eventsChecked} events, no problem` : `NOT VERIFIED: ${report.problems.length} problem(s)\n${json(report.problems)}`));
    return report.ok ? 0 : 1;
  },
};

const verifyReport: AuditCommand = {
  async run(c) {
    const file = argument(c, 'the report file');
    const text = readText(file, 'the report file');
    try {
      verificationReportFromJson(text);
    } catch (e) {
      if (!(e instanceof MalformedDocumentError)) throw e;
      c.out.error(`${file} is not a verification report: ${e.message}`);
      return 1;
    }
    const result = await c.door().post<{ ok: boolean; problems: unknown[] }>('/v1/audit/verification/check', JSON.parse(text));
    emit(c, result, () => (result.ok ? 'the store still holds what the report verified' : `THE STORE CHANGED since the report\n${json(result.problems)}`));
    return result.ok ? 0 : 1;
  },
};

const exportBundle: AuditCommand = {
  async run(c) {
    const mrn = argument(c, 'the MRN');
    const file = c.options['out'];
    if (typeof file !== 'string') throw new UsageError('--out <file> is missing');
    const bundle = await c.door().get<{ streams: { events: unknown[] }[] }>(`/v1/audit/mrns/${encodeURIComponent(mrn)}/bundle`);
    writeText(file, json(bundle));
    c.out.print(`${bundle.streams.reduce((n, s) => n + s.events.length, 0)} events of ${bundle.streams.length} streams written to ${file}`);
    return 0;
  },
};

export const DOOR_COMMANDS: Readonly<Record<string, AuditCommand>> = {
  timeline,
  state,
  view,
  'access-log': accessLog,
  verify,
  'verify-report': verifyReport,
  export: exportBundle,
};
