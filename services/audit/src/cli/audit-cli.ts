/**
 * `npm run audit -- <command>` (or `node dist/services/audit/src/cli/audit-cli.js <command>` in the image):
 *
 *   timeline <mrn>                       every step of an ENS, in causal order, with actors and deliveries
 *   state <stream> [--as-of <iso>]       a stream as it stood at an instant
 *   view <event-id>                      what the deciding party could see when it acted
 *   access-log [--mrn m] [--user u]      who read whose data, and why
 *   verify [--stream s] [--out file]     hash chains and signed checkpoints; the report an auditor keeps
 *   verify-report <file>                 a report kept earlier, checked against the store now
 *   export <mrn> --out <file>            one ENS's history as a bundle that verifies offline
 *   verify-bundle <file> [--keys <pem>]  a bundle verified offline (no database, no network)
 *   replay <read-model|all>              a read model rebuilt from the events and compared with the live one
 *
 * Settings: AUDIT_URL (default http://127.0.0.1:3005), AUDIT_TOKEN (an auditor's bearer token), AUDIT_PURPOSE or
 * --purpose (why: recorded in the access log). --json prints raw JSON. Exit codes: 0 done, 1 a check failed,
 * 2 usage (or a file named that cannot be read or written), 3 the door refused or could not be reached.
 */
import { parseArgs } from 'node:util';
import { ConfigError } from '@ics2/platform';
import { AuditDoorClient, DoorError, DoorUnreachableError } from './audit-door.client';
import { AUDIT_COMMANDS, UsageError, type CliOutput, type CommandContext } from './audit-commands';
import { CliFileError } from './cli-files';

export const USAGE = `usage: npm run audit -- <command> [options]
  timeline <mrn> | state <stream> [--as-of iso] | view <event-id> | access-log [--mrn m] [--user u] [--member-state ms]
  verify [--stream s] [--out file] | verify-report <file> | export <mrn> --out <file> | verify-bundle <file> [--keys pem]
  replay <read-model|all>
options: --purpose "why" (or AUDIT_PURPOSE), --json; AUDIT_URL, AUDIT_TOKEN`;

export async function runAuditCli(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, out: CliOutput): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        purpose: { type: 'string' },
        'as-of': { type: 'string' },
        stream: { type: 'string' },
        out: { type: 'string' },
        keys: { type: 'string' },
        mrn: { type: 'string' },
        user: { type: 'string' },
        'member-state': { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    out.error(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  const [name, ...args] = parsed.positionals;
  const command = name ? AUDIT_COMMANDS[name] : undefined;
  if (!command) {
    out.error(USAGE);
    return 2;
  }
  const purpose = parsed.values.purpose ?? env['AUDIT_PURPOSE'];
  const url = env['AUDIT_URL'] ?? 'http://127.0.0.1:3005';
  const context: CommandContext = {
    args,
    options: parsed.values,
    env,
    out,
    door: () => {
      if (!env['AUDIT_TOKEN']) throw new UsageError('AUDIT_TOKEN must hold an auditor bearer token (locally: npm run token -- --role auditor)');
      if (!purpose) throw new UsageError('state the purpose of this read: --purpose "..." or AUDIT_PURPOSE');
      if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) throw new UsageError(`AUDIT_URL must be the audit door's http(s) address, got ${JSON.stringify(url)}`);
      return new AuditDoorClient({ url, token: env['AUDIT_TOKEN'], purpose });
    },
  };
  try {
    return await command.run(context);
  } catch (e) {
    if (e instanceof UsageError) {
      out.error(`${e.message}\n${USAGE}`);
      return 2;
    }
    if (e instanceof DoorError || e instanceof DoorUnreachableError) {
      out.error(e.message);
      return 3;
    }
    // A file named that cannot be read or written, trusted keys that are none: the command line's fault, one line.
    if (e instanceof CliFileError || e instanceof ConfigError) {
      out.error(e.message);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  const out: CliOutput = { print: (text) => process.stdout.write(`${text}\n`), error: (text) => process.stderr.write(`${text}\n`) };
  runAuditCli(process.argv.slice(2), process.env, out).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    },
  );
}
