/**
 * `verify-bundle <file> [--keys <pem file>]`: a bundle verified offline, with no database and no network: each
 * stream's hash chain, each event's inclusion in the signed checkpoint, each stream's end at the head the checkpoint
 * signed, the checkpoint's signature under a key the auditor trusts (--keys, else CHECKPOINT_TRUSTED_KEYS_FILE).
 */
import { auditBundleFromJson, MalformedDocumentError, verifyBundle, type BundleVerificationReport } from '@ics2/event-store';
import { loadTrustedCheckpointKeys } from '@ics2/platform';
import type { AuditCommand } from './audit-commands';
import { readText } from './cli-files';
import { UsageError } from './usage-error';

export const verifyBundleCommand: AuditCommand = {
  async run(c) {
    const file = c.args[0];
    if (!file) throw new UsageError('the bundle file is missing');
    const keysFile = typeof c.options['keys'] === 'string' ? c.options['keys'] : c.env['CHECKPOINT_TRUSTED_KEYS_FILE'];
    if (!keysFile) throw new UsageError('say which checkpoint keys you trust: --keys <pem file> or CHECKPOINT_TRUSTED_KEYS_FILE');
    const written = readText(file, 'the bundle file');
    let bundle;
    try {
      bundle = auditBundleFromJson(written);
    } catch (e) {
      if (!(e instanceof MalformedDocumentError)) throw e;
      c.out.error(`${file} is not an audit bundle: ${e.message}`);
      return 1;
    }
    const report = verifyBundle(bundle, loadTrustedCheckpointKeys(keysFile));
    const text = JSON.stringify(report, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2);
    c.out.print(
      c.options['json'] ? text : report.ok ? verifiedLine(report) : `NOT VERIFIED\n${text}`,
    );
    return report.ok ? 0 : 1;
  },
};

function verifiedLine(report: BundleVerificationReport): string {
  const line = `verified offline: ${report.eventsChecked} events of ${report.streamsChecked} streams, ${report.proofsVerified} inclusion proofs`;
  // A format 1 bundle (before signed heads) cannot show it holds each stream to its end: say so, it is no detail.
  const heads = report.checkpoint.version === 3 ? `, ${report.headsVerified} stream ends proven` : ', stream ends NOT proven (a format 1 bundle: its checkpoint signs no stream heads)';
  return `${line}${heads}, checkpoint signed by ${report.checkpoint.keyId}`;
}
