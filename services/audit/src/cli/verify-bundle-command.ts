/**
 * `verify-bundle <file> [--keys <pem file>]`: a bundle verified offline, with no database and no network: each
 * stream's hash chain, each event's inclusion in the signed checkpoint, the checkpoint's signature under a key the
 * auditor trusts (--keys, else CHECKPOINT_TRUSTED_KEYS_FILE: PEM public keys).
 */
import { readFileSync } from 'node:fs';
import { auditBundleFromJson, MalformedDocumentError, verifyBundle } from '@ics2/event-store';
import { loadTrustedCheckpointKeys } from '@ics2/platform';
import type { AuditCommand } from './audit-commands';
import { UsageError } from './usage-error';

export const verifyBundleCommand: AuditCommand = {
  async run(c) {
    const file = c.args[0];
    if (!file) throw new UsageError('the bundle file is missing');
    const keysFile = typeof c.options['keys'] === 'string' ? c.options['keys'] : c.env['CHECKPOINT_TRUSTED_KEYS_FILE'];
    if (!keysFile) throw new UsageError('say which checkpoint keys you trust: --keys <pem file> or CHECKPOINT_TRUSTED_KEYS_FILE');
    let bundle;
    try {
      bundle = auditBundleFromJson(readFileSync(file, 'utf8'));
    } catch (e) {
      if (!(e instanceof MalformedDocumentError)) throw e;
      c.out.error(`${file} is not an audit bundle: ${e.message}`);
      return 1;
    }
    const report = verifyBundle(bundle, loadTrustedCheckpointKeys(keysFile));
    const text = JSON.stringify(report, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2);
    c.out.print(
      c.options['json'] ? text : report.ok ? `verified offline: ${report.eventsChecked} events of ${report.streamsChecked} streams, ${report.proofsVerified} inclusion proofs, checkpoint signed by ${report.checkpoint.keyId}` : `NOT VERIFIED\n${text}`,
    );
    return report.ok ? 0 : 1;
  },
};
