import { generateCheckpointKeyPair, loadCheckpointSigner } from './checkpoint-signer';
import { MalformedDocumentError } from './integrity-json';
import { recordLog, v2CheckpointAfter } from './recorded-log.test-harness';
import { verifyEvents } from './verify';
import { verificationReportFromJson, verificationReportToJson } from './verification-report-json';

const signer = loadCheckpointSigner(generateCheckpointKeyPair().privateKeyPem);
const log = recordLog([
  { stream: 'ens-A', data: { n: 0 } },
  { stream: 'ens-B', data: { n: 0 } },
  { stream: 'ens-A', data: { n: 1 } },
  { stream: 'ens-A', data: { n: 2 } },
]);
const checkpoints = [v2CheckpointAfter(log, 2, signer), v2CheckpointAfter(log, 4, signer)];

describe('a verification report as a file', () => {
  it('reads back to the same report, positions and all', async () => {
    const report = await verifyEvents(log, { checkpoints, publicKeys: [signer.publicKeyPem] });
    expect(report.ok).toBe(true);
    const text = verificationReportToJson(report);
    expect(JSON.parse(text).lastCheckpoint.position).toEqual({ commit: String(log[3].position.commit), prepare: '4' });
    expect(verificationReportFromJson(text)).toEqual(report);
  });

  it('keeps its problems, with their ranges', async () => {
    const report = await verifyEvents(log.filter((_e, i) => i !== 2), { checkpoints, publicKeys: [signer.publicKeyPem] });
    expect(report.problems.some((p) => p.range)).toBe(true);
    expect(verificationReportFromJson(verificationReportToJson(report))).toEqual(report);
  });

  it('of a stream keeps its heads', async () => {
    const report = await verifyEvents(log.filter((e) => e.streamId === 'ens-A'), { scope: 'streams' });
    expect(verificationReportFromJson(verificationReportToJson(report))).toEqual(report);
  });

  it.each([
    ['a scope it does not know', (o: Record<string, unknown>) => ({ ...o, scope: 'everything' }), '$.scope'],
    ['a checkpoint without its signature', (o: Record<string, unknown>) => ({ ...o, checkpoints: [{ ...(o.checkpoints as object[])[0], signature: undefined }] }), '$.checkpoints[0].signature'],
    ['a verdict it does not know', (o: Record<string, unknown>) => ({ ...o, checkpoints: [{ ...(o.checkpoints as object[])[0], verdict: 'fine' }] }), '$.checkpoints[0].verdict'],
  ])('refuses %s, naming where', async (_what, edit, path) => {
    const report = await verifyEvents(log, { checkpoints, publicKeys: [signer.publicKeyPem] });
    const text = JSON.stringify(edit(JSON.parse(verificationReportToJson(report))));
    expect(() => verificationReportFromJson(text)).toThrow(MalformedDocumentError);
    expect(() => verificationReportFromJson(text)).toThrow(expect.objectContaining({ path }));
  });
});
