/**
 * GET /v1/audit/mrns/{mrn}/timeline: everything that happened to an ENS across the services, in causal order,
 * read from the events; the deliveries the trader inbox and the signal streams derived from them come from their
 * owners. A source that cannot answer is named in `sources`, never silently left out.
 */
import { Controller, Get, Param, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { isMrn } from '@ics2/domain';
import { AccessLog, Caller, PlatformError, Roles, type Principal } from '@ics2/platform';
import { auditRequestOf } from '../doors/audit-request';
import { invalid, PURPOSE_API_HEADER } from '../doors/audit-answers';
import { EventLog } from '../event-log/event-log';
import { AuditSources } from '../sources/audit-sources';
import { mrnsOf, streamsOf } from './ens-family';
import { timelineOf } from './timeline';
import { TimelineResponseDto } from './timeline.response.dto';

type Request = { headers: Record<string, string | string[] | undefined> };

@ApiTags('audit')
@ApiBearerAuth()
@ApiHeader(PURPOSE_API_HEADER)
@Controller('v1/audit')
export class TimelineHttpController {
  constructor(
    private readonly log: EventLog,
    private readonly sources: AuditSources,
    private readonly accessLog: AccessLog,
  ) {}

  @Get('mrns/:mrn/timeline')
  @Roles('auditor')
  @ApiOperation({ summary: 'The timeline of an ENS: filings, linking, risk analyses with their criteria versions, referrals and answers, decisions, controls, notifications and signals' })
  @ApiOkResponse({ type: TimelineResponseDto })
  async timeline(@Param('mrn') mrn: string, @Req() req: Request, @Caller() caller: Principal): Promise<TimelineResponseDto> {
    const ctx = auditRequestOf(req);
    if (!isMrn(mrn)) throw invalid('/mrn', 'an MRN (18 characters, valid check digit)');
    const family = await this.log.family(mrn);
    if (!family) throw new PlatformError('not-found', 'AUDIT.NOT_FOUND', `no filing ${mrn} in the store`);
    // The answer holds the whole family (master and houses, perhaps other operators'): each MRN's read is recorded.
    await this.accessLog.recordAll(caller, mrnsOf(mrn, family).map((m) => ({ resource: 'timeline', id: mrn, mrn: m, purpose: ctx.purpose, door: 'audit GET /v1/audit/mrns/{mrn}/timeline' })));
    const streams = streamsOf(family);
    const [events, deliveries] = await Promise.all([
      this.log.inLogOrder(streams),
      this.sources.deliveries([...family.mrns], ctx).then(
        (d) => ({ ok: true as const, d }),
        (e: unknown) => ({ ok: false as const, reason: e instanceof Error ? e.message : String(e) }),
      ),
    ]);
    return {
      mrn,
      filings: [...family.mrns].sort(),
      heads: [...family.heads].sort(),
      streams,
      entries: timelineOf(events, deliveries.ok ? deliveries.d : []),
      sources: { events: 'complete', deliveries: deliveries.ok ? 'complete' : `missing: ${deliveries.reason}` },
    };
  }
}
