/**
 * GET /v1/audit/verification?stream=: the hash chains and signed checkpoints of the whole store, or of one stream,
 * verified now; the report (with the checkpoints' signatures and key ids) is what an auditor keeps.
 * POST /v1/audit/verification/check: such a report, kept earlier, checked against the store now (nothing the report
 * verified has been rewritten since).
 */
import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { verificationReportFromJson, verifyReportAgainstStore, verifyStore } from '@ics2/event-store';
import { AccessLog, Caller, PLATFORM_RUNTIME, PlatformError, Roles, SERVICE_CONFIG, type PlatformRuntime, type Principal } from '@ics2/platform';
import { auditRequestOf } from '../doors/audit-request';
import { PURPOSE_API_HEADER, streamIdOf } from '../doors/audit-answers';
import { EventLog } from '../event-log/event-log';
import { maxUncoveredMs, type AuditConfig } from '../service.config';
import { jsonSafe } from './json-safe';
import { malformed } from './malformed';
import { trustedCheckpointKeys } from './trusted-keys';

type Request = { headers: Record<string, string | string[] | undefined> };

@ApiTags('audit')
@ApiBearerAuth()
@ApiHeader(PURPOSE_API_HEADER)
@Controller('v1/audit')
export class VerificationHttpController {
  constructor(
    private readonly log: EventLog,
    private readonly accessLog: AccessLog,
    @Inject(PLATFORM_RUNTIME) private readonly runtime: PlatformRuntime,
    @Inject(SERVICE_CONFIG) private readonly config: AuditConfig,
  ) {}

  @Get('verification')
  @Roles('auditor')
  @ApiOperation({ summary: 'Verify the hash chains and signed checkpoints (the whole store, or one stream)' })
  @ApiQuery({ name: 'stream', required: false, description: 'one stream id: its chain, and each event proven in the latest signed checkpoint' })
  @ApiOkResponse({ description: 'the verification report: ok, what was checked, the last good checkpoint, every problem with the event it concerns' })
  async verify(@Query('stream') stream: string | undefined, @Req() req: Request, @Caller() caller: Principal): Promise<unknown> {
    const ctx = auditRequestOf(req);
    if (stream !== undefined) streamIdOf(stream, '/stream');
    const maxUncovered = maxUncoveredMs(this.config, this.runtime.config.CHECKPOINT_INTERVAL_MS);
    const report = await verifyStore(this.log.pool, {
      publicKeys: trustedCheckpointKeys(this.runtime),
      // The signer heartbeats (CHECKPOINT_HEARTBEAT_MS, 5 intervals): its newest checkpoint is never older than this.
      maxUncoveredMs: maxUncovered,
      maxCheckpointAgeMs: maxUncovered,
      ...(stream ? { streamId: stream } : {}),
    });
    // A stream the store has no event of verified "ok" over nothing, so a mistyped id read as a proof; a problem found
    // (a signed head whose events are gone) is still the report's to tell.
    if (stream && report.streamsChecked === 0 && report.ok) throw new PlatformError('not-found', 'AUDIT.NOT_FOUND', `no stream ${stream} in the store`);
    await this.accessLog.record(caller, { resource: 'verification', id: stream ?? 'store', purpose: ctx.purpose, door: 'audit GET /v1/audit/verification' });
    return jsonSafe(report);
  }

  @Post('verification/check')
  @HttpCode(200)
  @Roles('auditor')
  @ApiOperation({ summary: 'Check a verification report kept earlier against the store now: has anything it verified been rewritten since?' })
  @ApiBody({ description: 'the report as GET /v1/audit/verification gave it', schema: { type: 'object' } })
  @ApiOkResponse({ description: 'ok, the checkpoints compared and replayed, and every problem found' })
  async check(@Body() body: unknown, @Req() req: Request, @Caller() caller: Principal): Promise<unknown> {
    const ctx = auditRequestOf(req);
    const report = malformed(() => verificationReportFromJson(JSON.stringify(body)));
    await this.accessLog.record(caller, { resource: 'verification', id: 'report-recheck', purpose: ctx.purpose, door: 'audit POST /v1/audit/verification/check' });
    return jsonSafe(await verifyReportAgainstStore(this.log.pool, report, { publicKeys: trustedCheckpointKeys(this.runtime) }));
  }
}
