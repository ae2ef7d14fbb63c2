/**
 * GET /v1/audit/mrns/{mrn}/bundle: one ENS's whole history (its filings', risk and control streams, its arrivals)
 * as a self-contained bundle: the events with their hashes, the signed checkpoint that covers them and each
 * event's inclusion proof, to verify offline (`npm run audit -- verify-bundle`) without the database.
 * POST /v1/audit/bundles/verification: the same offline check, here, for an auditor without the CLI.
 */
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { isMrn } from '@ics2/domain';
import { auditBundleFromJson, exportBundle, NoCoveringCheckpointError, verifyBundle } from '@ics2/event-store';
import { AccessLog, Caller, PLATFORM_RUNTIME, PlatformError, Roles, type PlatformRuntime, type Principal } from '@ics2/platform';
import { auditRequestOf } from '../doors/audit-request';
import { invalid, PURPOSE_API_HEADER } from '../doors/audit-answers';
import { EventLog } from '../event-log/event-log';
import { mrnsOf, streamsOf, type EnsFamily } from '../timeline/ens-family';
import { jsonSafe } from './json-safe';
import { malformed } from './malformed';
import { trustedCheckpointKeys } from './trusted-keys';

type Request = { headers: Record<string, string | string[] | undefined> };

@ApiTags('audit')
@ApiBearerAuth()
@ApiHeader(PURPOSE_API_HEADER)
@Controller('v1/audit')
export class BundleHttpController {
  constructor(
    private readonly log: EventLog,
    private readonly accessLog: AccessLog,
    @Inject(PLATFORM_RUNTIME) private readonly runtime: PlatformRuntime,
  ) {}

  @Get('mrns/:mrn/bundle')
  @Roles('auditor')
  @ApiOperation({ summary: "An ENS's history as a bundle that verifies offline (events, hashes, the covering signed checkpoint, inclusion proofs)" })
  @ApiOkResponse({ description: "format 'ics2-audit-bundle/2': streams with their events from revision 0, the covering version 3 checkpoint, proofs by event id, each stream's signed head with its proof (heads), keyId" })
  async bundle(@Param('mrn') mrn: string, @Req() req: Request, @Caller() caller: Principal): Promise<unknown> {
    const ctx = auditRequestOf(req);
    if (!isMrn(mrn)) throw invalid('/mrn', 'an MRN (18 characters, valid check digit)');
    const family = await this.log.family(mrn);
    if (!family) throw new PlatformError('not-found', 'AUDIT.NOT_FOUND', `no filing ${mrn} in the store`);
    const bundle = await this.exportOf(family);
    // The answer holds the whole family (master and houses, perhaps other operators'): each MRN's read is recorded,
    // once the bundle is made and before it leaves (a bundle refused for want of a checkpoint showed nothing).
    await this.accessLog.recordAll(caller, mrnsOf(mrn, family).map((m) => ({ resource: 'bundle', id: mrn, mrn: m, purpose: ctx.purpose, door: 'audit GET /v1/audit/mrns/{mrn}/bundle' })));
    return bundle;
  }

  private async exportOf(family: EnsFamily): Promise<unknown> {
    try {
      return jsonSafe(await exportBundle(this.log.pool, { streamIds: streamsOf(family) }));
    } catch (e) {
      if (e instanceof NoCoveringCheckpointError) throw new PlatformError('precondition', 'AUDIT.NO_COVERING_CHECKPOINT', `${e.message}; checkpoints are signed every CHECKPOINT_INTERVAL_MS`);
      throw e;
    }
  }

  @Post('bundles/verification')
  @HttpCode(200)
  @Roles('auditor')
  @ApiOperation({ summary: 'Verify a bundle offline (nothing is read from the store): chains, inclusion proofs, checkpoint signature' })
  @ApiBody({ description: 'a bundle as GET .../bundle gave it', schema: { type: 'object' } })
  @ApiOkResponse({ description: 'ok, what was checked, and every problem with the stream, revision and event it concerns' })
  verify(@Body() body: unknown, @Req() req: Request): unknown {
    auditRequestOf(req);
    const bundle = malformed(() => auditBundleFromJson(JSON.stringify(body)));
    return jsonSafe(verifyBundle(bundle, trustedCheckpointKeys(this.runtime)));
  }
}
