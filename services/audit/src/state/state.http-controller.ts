/**
 * GET /v1/audit/streams/{streamId}/state?asOf=: the state of an ENS, a risk analysis, a control case or a RIF as
 * it stood at an instant, folded by the owning service's own deciders from the events recorded by then.
 */
import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ics2/platform';
import { auditRequestOf } from '../doors/audit-request';
import { instantOf, PURPOSE_API_HEADER, streamIdOf } from '../doors/audit-answers';
import { AuditSources } from '../sources/audit-sources';
import { StreamStateDto } from './stream-state.dto';

type Request = { headers: Record<string, string | string[] | undefined> };

@ApiTags('audit')
@ApiBearerAuth()
@ApiHeader(PURPOSE_API_HEADER)
@Controller('v1/audit')
export class StateHttpController {
  constructor(private readonly sources: AuditSources) {}

  @Get('streams/:streamId/state')
  @Roles('auditor')
  @ApiOperation({ summary: 'A stream as it stood at an instant (ens-<mrn>, risk-<mrn>, control-<mrn>, rif-<id>, ...)' })
  @ApiQuery({ name: 'asOf', required: false, description: 'ISO-8601 instant with its zone (Z or an offset), e.g. 2026-12-01T10:00:00Z; the events recorded at or before it. Default: now.' })
  @ApiOkResponse({ type: StreamStateDto })
  async state(@Param('streamId') streamId: string, @Query('asOf') asOf: string | undefined, @Req() req: Request): Promise<StreamStateDto> {
    const ctx = auditRequestOf(req);
    streamIdOf(streamId, '/streamId');
    const at = instantOf(asOf, '/asOf');
    // The owner records the access: it is the one handing the data out.
    const r = await this.sources.stateAsOf(streamId, at, 0, ctx);
    return { streamId, asOf: at?.toISOString() ?? null, revision: r.revision, eventsApplied: r.events_applied, lastEventId: r.last_event_id || null, lastRecordedAt: r.last_recorded_at || null, state: JSON.parse(r.state_json) as unknown };
  }
}
