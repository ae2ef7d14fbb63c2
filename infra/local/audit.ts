/**
 * `npm run audit -- <command>` against the local stack: the audit CLI (services/audit/src/cli/audit-cli.ts) with
 * the local audit door's address and, unless AUDIT_TOKEN is given, an auditor token signed with the local dev key.
 */
import { signToken } from '@ics2/platform';
import { runAuditCli } from '../../services/audit/src/cli/audit-cli';
import { DEV_AUDIENCE, DEV_ISSUER, dataDirectory, loadOrCreateDevKeys } from './dev-keys';
import { localServices } from './services';

async function main(): Promise<number> {
  const audit = localServices().find((s) => s.name === 'audit')!;
  const env: Record<string, string | undefined> = { ...process.env, AUDIT_URL: process.env['AUDIT_URL'] ?? `http://127.0.0.1:${audit.httpPort}` };
  if (!env['AUDIT_TOKEN']) {
    const keys = loadOrCreateDevKeys(dataDirectory());
    env['AUDIT_TOKEN'] = await signToken({ role: 'auditor', userId: process.env['AUDIT_USER'] ?? 'local-auditor', ttlSeconds: 3_600 }, keys.authPrivateKeyPem, { issuer: DEV_ISSUER, audience: DEV_AUDIENCE });
  }
  // Offline verification trusts the local checkpoint key unless told otherwise.
  env['CHECKPOINT_TRUSTED_KEYS_FILE'] ??= loadOrCreateDevKeys(dataDirectory()).checkpointPublicKeyFile;
  return runAuditCli(process.argv.slice(2), env, { print: (t) => process.stdout.write(`${t}\n`), error: (t) => process.stderr.write(`${t}\n`) });
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
