/**
 * SubscribeCrisisAlerts: a server stream. The alerts after the caller's cursor that it sees, in order, then each new
 * one as it commits (the listener wakes the stream; it reads the table after its last cursor). The cursor is the
 * alert's number in crisis_alerts, which never becomes visible out of order (crisis-alerts.projection.ts): resuming
 * after the last cursor received misses nothing and repeats nothing. A cursor past the last alert the caller sees was
 * never given to it (another Member State's, or a typo) and is refused before the stream waits: from it, the stream
 * would have skipped every alert numbered up to it. The stream ends when the caller cancels it or the service shuts
 * down.
 */
import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { status } from '@grpc/grpc-js';
import { defer, Observable, switchMap } from 'rxjs';
import { crmsV1 } from '@ics2/contracts';
import { Caller, PLATFORM_LOGGER, Roles, SERVICE_CONFIG, type PlatformLogger, type Principal } from '@ics2/platform';
import { crmsCallerOf, issue, throwIfIssues } from '../doors/door-answers';
import type { CrisisAlertRow } from '../read-models/crisis-alerts/crisis-alert.row';
import type { CrmsConfig } from '../service.config';
import { CrisisAlertsListener } from './crisis-alerts.listener';
import { CrisisAlertsQuery } from './crisis-alerts.query';

const PAGE = 100;
const CURSOR = /^(0|[1-9][0-9]{0,18})$/;
const CURSOR_WANTED = 'a cursor from an earlier alert, or empty for the first';

const toAlert = (a: CrisisAlertRow): crmsV1.CrisisAlert => ({
  cursor: a.seq,
  alert_id: a.alertId,
  title: a.title,
  description: a.description,
  all_member_states: a.allMemberStates,
  member_states: a.memberStates,
  rif_id: a.rifId ?? '',
  published_by: a.publishedBy,
  published_at: a.publishedAt.toISOString(),
});

@Controller()
export class SubscribeCrisisAlertsGrpcController {
  constructor(
    private readonly query: CrisisAlertsQuery,
    private readonly listener: CrisisAlertsListener,
    @Inject(SERVICE_CONFIG) private readonly config: CrmsConfig,
    @Inject(PLATFORM_LOGGER) private readonly logger: PlatformLogger,
  ) {}

  @GrpcMethod(crmsV1.CRMS_SERVICE, 'SubscribeCrisisAlerts')
  @Roles('member-state', 'admin')
  subscribeCrisisAlerts(@Payload() r: crmsV1.SubscribeCrisisAlertsRequest, @Caller() caller: Principal): Observable<crmsV1.CrisisAlert> {
    const by = crmsCallerOf(caller);
    if (r.after !== '' && !CURSOR.test(r.after)) throwIfIssues([issue('/after', CURSOR_WANTED)]);
    const start = r.after === '' ? 0n : BigInt(r.after);
    const given = defer(async () => {
      if (!(await this.query.gaveOut(start, by))) throwIfIssues([issue('/after', CURSOR_WANTED)]);
    });
    const alerts = new Observable<crmsV1.CrisisAlert>((subscriber) => {
      const watch = this.listener.watchAnyKey();
      // The caller went away (unsubscribed) or the service shuts down (the listener ended the watch).
      const cancelled = new AbortController();
      const ended = () => cancelled.signal.aborted || watch.closed;
      let cursor = start;
      const pump = async () => {
        while (!ended()) {
          const page = await this.query.after(cursor, by, PAGE);
          for (const alert of page) {
            if (ended()) return;
            subscriber.next(toAlert(alert));
            cursor = BigInt(alert.seq);
          }
          if (page.length === PAGE) continue;
          await watch.next(this.config.CRISIS_ALERTS_POLL_MS, cancelled.signal);
        }
      };
      pump().then(
        () => subscriber.complete(),
        (err: unknown) => {
          this.logger.error({ err }, 'crisis alert stream failed');
          subscriber.error({ code: status.UNAVAILABLE, details: 'the crisis alert stream failed; resume from the last cursor' });
        },
      );
      return () => {
        cancelled.abort();
        watch.close();
      };
    });
    return given.pipe(switchMap(() => alerts));
  }
}
