import {
  arrayAt,
  booleanAt,
  checkpointFromJson,
  integerAt,
  integrityJson,
  MalformedDocumentError,
  objectAt,
  parseJsonText,
  positionFromJson,
  stringAt,
} from './integrity-json';
import type {
  CheckedCheckpoint,
  CheckpointValue,
  CheckpointVerdict,
  CoverageSummary,
  IntegrityProblem,
  IntegrityProblemKind,
  LogHead,
  StreamHead,
  VerificationReport,
} from './verification-report';

/** The report as a file an auditor keeps: JSON, positions as decimal strings. */
export function verificationReportToJson(report: VerificationReport): string {
  return integrityJson(report);
}

const VERDICTS: readonly CheckpointVerdict[] = ['matched', 'mismatched', 'forged', 'unknown-key'];

/**
 * A report read back from its file, checked member by member (a kept file may have been damaged or edited; what it
 * claims is then checked against the store by verifyReportAgainstStore, and its checkpoints against the keys).
 */
export function verificationReportFromJson(text: string): VerificationReport {
  const o = objectAt(parseJsonText(text, 'a verification report'), '$');
  const scope = stringAt(o.scope, '$.scope');
  if (scope !== 'log' && scope !== 'streams') throw new MalformedDocumentError('$.scope', "'log' or 'streams' was expected");
  const checkpoints = arrayAt(o.checkpoints, '$.checkpoints').map((c, i): CheckedCheckpoint => {
    const path = `$.checkpoints[${i}]`;
    const verdict = stringAt(objectAt(c, path).verdict, `${path}.verdict`) as CheckpointVerdict;
    if (!VERDICTS.includes(verdict)) throw new MalformedDocumentError(`${path}.verdict`, `one of ${VERDICTS.join(', ')} was expected`);
    return { ...checkpointFromJson(c, path), verdict };
  });
  const firstProblem = o.firstProblem === undefined ? undefined : problemFromJson(o.firstProblem, '$.firstProblem');
  return {
    ok: booleanAt(o.ok, '$.ok'),
    scope,
    ...(o.streamId === undefined ? {} : { streamId: stringAt(o.streamId, '$.streamId') }),
    ...(o.verifiedAt === undefined ? {} : { verifiedAt: stringAt(o.verifiedAt, '$.verifiedAt') }),
    trustedKeyIds: arrayAt(o.trustedKeyIds, '$.trustedKeyIds').map((k, i) => stringAt(k, `$.trustedKeyIds[${i}]`)),
    eventsChecked: integerAt(o.eventsChecked, '$.eventsChecked'),
    streamsChecked: integerAt(o.streamsChecked, '$.streamsChecked'),
    checkpointsChecked: integerAt(o.checkpointsChecked, '$.checkpointsChecked'),
    lastCheckpoint: o.lastCheckpoint === null ? null : checkpointFromJson(o.lastCheckpoint, '$.lastCheckpoint'),
    checkpoints,
    checkpointsOmitted: integerAt(o.checkpointsOmitted, '$.checkpointsOmitted'),
    ...(o.logHead === undefined ? {} : { logHead: logHeadFromJson(o.logHead, '$.logHead') }),
    ...(o.coverage === undefined ? {} : { coverage: coverageFromJson(o.coverage, '$.coverage') }),
    ...(o.proofsVerified === undefined ? {} : { proofsVerified: integerAt(o.proofsVerified, '$.proofsVerified') }),
    ...(o.streamHeads === undefined
      ? {}
      : { streamHeads: arrayAt(o.streamHeads, '$.streamHeads').map((h, i) => streamHeadFromJson(h, `$.streamHeads[${i}]`)) }),
    ...(firstProblem ? { firstProblem } : {}),
    problems: arrayAt(o.problems, '$.problems').map((p, i) => problemFromJson(p, `$.problems[${i}]`)),
    problemsOmitted: integerAt(o.problemsOmitted, '$.problemsOmitted'),
  };
}

function logHeadFromJson(value: unknown, path: string): LogHead {
  const o = objectAt(value, path);
  return {
    position: positionFromJson(o.position, `${path}.position`),
    eventCount: integerAt(o.eventCount, `${path}.eventCount`),
    digest: stringAt(o.digest, `${path}.digest`),
    merkleRoot: stringAt(o.merkleRoot, `${path}.merkleRoot`),
  };
}

function coverageFromJson(value: unknown, path: string): CoverageSummary {
  const o = objectAt(value, path);
  return {
    at: stringAt(o.at, `${path}.at`),
    maxUncoveredMs: integerAt(o.maxUncoveredMs, `${path}.maxUncoveredMs`),
    // Reports kept from before the heartbeat rule have neither.
    ...(o.maxCheckpointAgeMs === undefined ? {} : { maxCheckpointAgeMs: integerAt(o.maxCheckpointAgeMs, `${path}.maxCheckpointAgeMs`) }),
    ...(o.lastSignedAt === undefined ? {} : { lastSignedAt: o.lastSignedAt === null ? null : stringAt(o.lastSignedAt, `${path}.lastSignedAt`) }),
    uncoveredEvents: integerAt(o.uncoveredEvents, `${path}.uncoveredEvents`),
    oldestUncoveredAt: o.oldestUncoveredAt === null ? null : stringAt(o.oldestUncoveredAt, `${path}.oldestUncoveredAt`),
    lastCoveringCheckpoint:
      o.lastCoveringCheckpoint === null ? null : checkpointFromJson(o.lastCoveringCheckpoint, `${path}.lastCoveringCheckpoint`),
  };
}

function streamHeadFromJson(value: unknown, path: string): StreamHead {
  const o = objectAt(value, path);
  return {
    streamId: stringAt(o.streamId, `${path}.streamId`),
    revision: integerAt(o.revision, `${path}.revision`),
    eventId: stringAt(o.eventId, `${path}.eventId`),
    hash: o.hash === null ? null : stringAt(o.hash, `${path}.hash`),
  };
}

/** Problems are what the report found, kept as words for people: only their positions need converting back. */
function problemFromJson(value: unknown, path: string): IntegrityProblem {
  const o = objectAt(value, path);
  return {
    kind: stringAt(o.kind, `${path}.kind`) as IntegrityProblemKind,
    ...(o.streamId === undefined ? {} : { streamId: stringAt(o.streamId, `${path}.streamId`) }),
    ...(o.revision === undefined ? {} : { revision: integerAt(o.revision, `${path}.revision`) }),
    ...(o.eventId === undefined ? {} : { eventId: stringAt(o.eventId, `${path}.eventId`) }),
    ...(o.position === undefined ? {} : { position: positionFromJson(o.position, `${path}.position`) }),
    ...(o.range === undefined
      ? {}
      : {
          range: {
            after: positionFromJson(objectAt(o.range, `${path}.range`).after, `${path}.range.after`),
            upTo: positionFromJson(objectAt(o.range, `${path}.range`).upTo, `${path}.range.upTo`),
          },
        }),
    ...(o.checkpointId === undefined ? {} : { checkpointId: stringAt(o.checkpointId, `${path}.checkpointId`) }),
    ...(o.mismatched === undefined
      ? {}
      : { mismatched: arrayAt(o.mismatched, `${path}.mismatched`).map((m, i) => stringAt(m, `${path}.mismatched[${i}]`) as CheckpointValue) }),
    detail: stringAt(o.detail, `${path}.detail`),
  };
}
