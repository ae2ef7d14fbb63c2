/**
 * SubscribeSignals (issue 4, "Member State door"): the caller's Member State's signals as a server stream, the
 * Member State taken from the token (role member-state), never from the request. Every signal after `after` (a
 * cursor an earlier signal carried; empty = from the start), then each new one as it commits. Thin: the cursor is
 * checked here, the reading is SignalsReader's.
 *
 * The stream ends with OK when the service shuts down (the client resumes elsewhere from its last cursor), and
 * stops reading at once when the client cancels. A cursor this service never gave out is INVALID_ARGUMENT: one that is
 * not a cursor, and one past the Member State's last signal (another stream's, or a typo), from which the stream
 * would have skipped every signal up to it as they came.
 */
import { Controller, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { defer, map, switchMap, type Observable } from 'rxjs';
import { riskAnalysisV1 } from '@ics2/contracts';
import { AccessLog, Caller, feedCursorOf, parseFeedCursor, Purpose, Roles, writableReady, type DrainingStream, type FeedItem, type Principal } from '@ics2/platform';
import { invalid, memberStateUserOf } from '../doors/door-answers';
import type { StoredSignal } from './signals.feed';
import { SignalsReader } from './signals.reader';

const S = riskAnalysisV1.RISK_ANALYSIS_SERVICE;

/** The grpc-js call a server-streaming handler writes to (its third argument), for flow control. */
const GrpcCall = createParamDecorator((_data: unknown, context: ExecutionContext): DrainingStream => context.getArgByIndex(2));

const CURSOR = 'a cursor from an earlier signal of this stream, or empty for the start';

/** The start of every stream, or the sequence number of the cursor the client was given. */
function afterOf(cursor: string): bigint {
  if (cursor === '') return 0n;
  const seq = parseFeedCursor(cursor);
  if (seq === null) throw invalid('/after', CURSOR);
  return seq;
}

export function toSignal(item: FeedItem<StoredSignal>): riskAnalysisV1.Signal {
  const s = item.entry;
  return {
    cursor: feedCursorOf(item.seq),
    kind: s.kind,
    mrn: s.mrn,
    analysis_id: s.analysisId,
    phase: s.phase,
    created_at: s.createdAt.toISOString(),
    payload_json: JSON.stringify(s.payload),
    id: s.id,
    source_event_id: s.sourceEventId,
  };
}

@Controller()
export class SignalsGrpcController {
  constructor(
    private readonly reader: SignalsReader,
    private readonly accessLog: AccessLog,
  ) {}

  @GrpcMethod(S, 'SubscribeSignals')
  @Roles('member-state')
  subscribeSignals(
    @Payload() r: riskAnalysisV1.SubscribeSignalsRequest,
    @Caller() caller: Principal,
    @GrpcCall() call: DrainingStream,
    @Purpose() purpose: string | undefined,
  ): Observable<riskAnalysisV1.Signal> {
    const { memberState } = memberStateUserOf(caller);
    const after = afterOf(r.after ?? '');
    // A signal carries filing data (hits with the values that matched, answers, the members of the ENS): each one
    // sent is a read by the unit's user, recorded before it leaves, again when a resumed stream sends it again.
    const beforeSend = async (item: FeedItem<unknown>) => {
      const s = item.entry as StoredSignal;
      await this.accessLog.record(caller, { resource: 'risk-signal', id: s.id, mrn: s.mrn, purpose, defaultPurpose: 'risk assessment', door: `${S} SubscribeSignals` });
    };
    // A cursor past the stream's last signal was never given out; the stream waits for no signal up to it.
    const given = defer(async () => {
      if (!(await this.reader.gaveOut(memberState, after))) throw invalid('/after', CURSOR);
    });
    // Flow control: a slow unit holds the replay back instead of the whole backlog waiting in memory.
    return given.pipe(
      switchMap(() => this.reader.observe(memberState, after, { ready: writableReady(call), beforeSend })),
      map(toSignal),
    );
  }
}
