/**
 * GET /v1/audit/events/{eventId}/view: what the deciding party could see when it acted. For a decision on a risk
 * analysis: the risk stream just before the decision (the analyses and their hits), and each filing of the ENS as
 * the log held it before the decision (the family linked by then, each filing's events before it in the log).
 * Folded by the owning services from the events.
 */
import { Controller, Get, Param, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ensStream } from '@ics2/event-store';
import { AccessLog, Caller, PlatformError, Roles, type Principal } from '@ics2/platform';
import { auditRequestOf } from '../doors/audit-request';
import { PURPOSE_API_HEADER } from '../doors/audit-answers';
import { EventLog } from '../event-log/event-log';
import { AuditSources } from '../sources/audit-sources';
import { timelineOf } from '../timeline/timeline';
import { DecisionViewDto } from './decision-view.dto';

type Request = { headers: Record<string, string | string[] | undefined> };

@ApiTags('audit')
@ApiBearerAuth()
@ApiHeader(PURPOSE_API_HEADER)
@Controller('v1/audit')
export class DecisionViewHttpController {
  constructor(
    private readonly log: EventLog,
    private readonly sources: AuditSources,
    private readonly accessLog: AccessLog,
  ) {}

  @Get('events/:eventId/view')
  @Roles('auditor')
  @ApiOperation({ summary: 'What the deciding party could see: its stream just before the event, and the ENS filings as recorded by then' })
  @ApiOkResponse({ type: DecisionViewDto })
  async view(@Param('eventId') eventId: string, @Req() req: Request, @Caller() caller: Principal): Promise<DecisionViewDto> {
    const ctx = auditRequestOf(req);
    const event = await this.log.event(eventId);
    if (!event) throw new PlatformError('not-found', 'AUDIT.NOT_FOUND', `no event ${eventId} in the store`);
    const mrn = event.metadata.correlationId;
    const [decision] = timelineOf([event], []);
    // Refused for any event of a stream no service keeps, its first too, whose view skips the owner below.
    this.sources.ownerOf(event.streamId);
    // revision 0 has nothing before it: the state before the first event is the empty one.
    const before = event.revision === 0 ? null : await this.sources.stateAsOf(event.streamId, undefined, event.revision, ctx);
    // By log position, not by recorded time: an event recorded in the same millisecond but after the decision was
    // not there to be seen, and a filing linked (or registered) after it was not part of the ENS the party saw.
    const then = await this.log.familyBefore(mrn, event.position);
    // The filings linked at the time: a house unlinked before (invalidated, refiled) was no longer part of the ENS.
    const members = [...(then?.family.linked ?? [])].filter((m) => (then?.eventsOf.get(m) ?? 0) > 0).sort();
    const filings = await Promise.all(
      members.map(async (m) => {
        const s = await this.sources.stateAsOf(ensStream(m), undefined, then?.eventsOf.get(m) ?? 0, ctx);
        return { mrn: m, revision: s.revision, lastRecordedAt: s.last_recorded_at || null, state: JSON.parse(s.state_json) as unknown };
      }),
    );
    // Recorded once every part is read, before it leaves: a view an owner refused (a stream no service keeps) showed
    // nothing. The owners record their own reads of each stream's state.
    await this.accessLog.record(caller, { resource: 'decision-view', id: eventId, mrn, purpose: ctx.purpose, door: 'audit GET /v1/audit/events/{eventId}/view' });
    return {
      decision,
      seenAt: event.recordedAt,
      streamBefore: before ? { streamId: event.streamId, revision: before.revision, eventsApplied: before.events_applied, state: JSON.parse(before.state_json) as unknown } : null,
      filings,
    };
  }
}
