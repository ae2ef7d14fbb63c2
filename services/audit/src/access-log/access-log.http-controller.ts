/**
 * GET /v1/audit/access-log: who read whose data (policy digest, data protection): every read of filing data by a
 * Member State user or an auditor, with the purpose given, newest first, from the `access` streams. Listing it is
 * a read like any other and is recorded too.
 */
import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { DataAccessed } from '@ics2/contracts';
import { describeActor, isMrn } from '@ics2/domain';
import { accessStream } from '@ics2/event-store';
import { AccessLog, Caller, Roles, type Principal } from '@ics2/platform';
import { auditRequestOf } from '../doors/audit-request';
import { instantOf, invalid, PURPOSE_API_HEADER } from '../doors/audit-answers';
import { EventLog } from '../event-log/event-log';
import { AccessLogDto } from './access-log.dto';

type Request = { headers: Record<string, string | string[] | undefined> };

@ApiTags('audit')
@ApiBearerAuth()
@ApiHeader(PURPOSE_API_HEADER)
@Controller('v1/audit')
export class AccessLogHttpController {
  constructor(
    private readonly log: EventLog,
    private readonly accessLog: AccessLog,
  ) {}

  @Get('access-log')
  @Roles('auditor')
  @ApiOperation({ summary: 'Reads of filing data: who, what, when, why' })
  @ApiQuery({ name: 'mrn', required: false })
  @ApiQuery({ name: 'userId', required: false, description: 'the reader (Member State user or auditor)' })
  @ApiQuery({ name: 'memberState', required: false })
  @ApiQuery({ name: 'from', required: false, description: 'ISO-8601 instant with its zone, e.g. 2026-12-01T10:00:00Z (inclusive)' })
  @ApiQuery({ name: 'to', required: false, description: 'ISO-8601 instant with its zone, after from (exclusive)' })
  @ApiQuery({ name: 'limit', required: false, description: '1 to 1000, default 100' })
  @ApiOkResponse({ type: AccessLogDto })
  async list(@Query() q: Record<string, string | undefined>, @Req() req: Request, @Caller() caller: Principal): Promise<AccessLogDto> {
    const ctx = auditRequestOf(req);
    if (q['mrn'] !== undefined && !isMrn(q['mrn'])) throw invalid('/mrn', 'an MRN');
    if (q['memberState'] !== undefined && !/^[A-Z]{2}$/.test(q['memberState'])) throw invalid('/memberState', 'a Member State code');
    if (q['userId'] !== undefined && !/^[A-Za-z0-9._@:-]{1,128}$/.test(q['userId'])) throw invalid('/userId', 'a user id');
    const limit = q['limit'] === undefined ? 100 : Number(q['limit']);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1_000) throw invalid('/limit', 'an integer from 1 to 1000');
    const from = instantOf(q['from'], '/from');
    const to = instantOf(q['to'], '/to');
    // An empty window would answer "nobody read anything", which is no answer to a swapped from and to.
    if (from && to && from.getTime() >= to.getTime()) throw invalid('/to', 'an instant after from (from is inclusive, to exclusive)');
    const actor = { ...(q['userId'] ? { userId: q['userId'] } : {}), ...(q['memberState'] ? { memberState: q['memberState'] } : {}) };
    await this.accessLog.record(caller, { resource: 'access-log', id: q['mrn'] ?? 'all', ...(q['mrn'] ? { mrn: q['mrn'] } : {}), purpose: ctx.purpose, door: 'audit GET /v1/audit/access-log' });
    const events = await this.log.category({
      category: 'access',
      ...(q['mrn'] ? { streamIds: [accessStream(q['mrn'])] } : {}),
      ...(Object.keys(actor).length ? { metadataContains: { actor } } : {}),
      ...(from ? { recordedFrom: from } : {}),
      ...(to ? { recordedBefore: to } : {}),
      limit,
    });
    return {
      entries: events.map((e) => {
        const d = e.data as DataAccessed['data'];
        return { eventId: e.id, recordedAt: e.recordedAt, reader: describeActor(e.metadata.actor), resource: d.resource, id: d.id, mrn: d.mrn ?? null, purpose: d.purpose, door: d.door };
      }),
    };
  }
}
