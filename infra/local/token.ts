/**
 * `npm run token -- --role trader --eori DE123456789012345` prints a bearer token for the local stack.
 * Also: `--role member-state --ms FR [--user u1]`, `--role auditor [--user a1]`, `--role admin`, `--ttl 3600`.
 */
import { parseArgs } from 'node:util';
import { signToken } from '@ics2/platform';
import { DEV_AUDIENCE, DEV_ISSUER, dataDirectory, loadOrCreateDevKeys } from './dev-keys';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      eori: { type: 'string' },
      ms: { type: 'string' },
      user: { type: 'string' },
      ttl: { type: 'string', default: '43200' },
    },
  });
  const role = values.role;
  if (role !== 'trader' && role !== 'member-state' && role !== 'auditor' && role !== 'admin') {
    console.error('usage: npm run token -- --role trader|member-state|auditor|admin [--eori X] [--ms FR] [--user id]');
    process.exit(2);
  }
  const keys = loadOrCreateDevKeys(dataDirectory());
  const token = await signToken(
    { role, eori: values.eori, ms: values.ms, userId: values.user, ttlSeconds: Number(values.ttl) },
    keys.authPrivateKeyPem,
    { issuer: DEV_ISSUER, audience: DEV_AUDIENCE },
  );
  console.log(token);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
