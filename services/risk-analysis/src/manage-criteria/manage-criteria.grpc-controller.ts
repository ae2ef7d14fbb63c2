/**
 * Criteria management (issue 4): list, create, new version, activate, deactivate, each a command on
 * `criterion-<id>` (so a past analysis is explained by the exact versions it names); and CRMS's questions: is a
 * risk profile a valid criterion, and how many past filings would it have hit. EU-wide criteria are the `admin`
 * role's; a Member State manages the criteria it owns.
 */
import { Controller, Inject } from '@nestjs/common';
import { GrpcMethod, Payload } from '@nestjs/microservices';
import { riskAnalysisV1, type Criterion } from '@ics2/contracts';
import { Caller, CLOCK, PlatformError, Roles, type Clock, type Principal } from '@ics2/platform';
import { describeActor, isIsoInstant } from '@ics2/domain';
import { CriteriaCatalogue } from '../criteria-catalogue/criteria-catalogue';
import { invalid, optionalTextOf } from '../doors/door-answers';
import { RiskCommands } from '../doors/risk-commands';
import { parseCriterion } from '../domain/criteria/parse-criterion';
import type { CriterionRefusal } from '../domain/criteria-lifecycle/criterion-lifecycle.decider';
import { CriterionBacktest } from './criterion-backtest';

const S = riskAnalysisV1.RISK_ANALYSIS_SERVICE;

function parsed(json: string): Criterion {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw invalid('', 'the criterion is not JSON', 'X06');
  }
  const result = parseCriterion(raw);
  if (!result.ok) throw new PlatformError('validation', 'CRITERION.INVALID', 'the criterion is not valid', result.errors.map((e) => ({ validationCode: '12', pointer: e.pointer, description: e.reason })));
  return result.criterion;
}

function mayManage(caller: Principal, owner: Criterion['owner']): void {
  if (caller.actor.kind === 'admin') return;
  if (caller.actor.kind === 'member-state' && owner.kind === 'member-state' && owner.memberState === caller.actor.memberState) return;
  throw new PlatformError('permission', 'CRITERION.NOT_OWNER', 'EU-wide criteria are managed by the Commission (admin); a Member State manages its own');
}

function refusal(r: CriterionRefusal, id: string): PlatformError {
  return r.kind === 'not-found'
    ? new PlatformError('not-found', 'CRITERION.NOT_FOUND', `no such version of ${id}`)
    : new PlatformError('precondition', 'CRITERION.LIFECYCLE', r.reason, [{ validationCode: r.code, pointer: r.pointer ?? '/version', description: r.reason }]);
}

@Controller()
export class ManageCriteriaGrpcController {
  constructor(
    private readonly catalogue: CriteriaCatalogue,
    private readonly commands: RiskCommands,
    private readonly backtest: CriterionBacktest,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * [U] A Member State sees the EU-wide criteria and its own national ones, not another's: a national criterion is
   * that administration's risk profile (its title names what it looks for). The Commission and auditors see all.
   */
  @GrpcMethod(S, 'ListCriteria')
  @Roles('admin', 'member-state', 'auditor')
  listCriteria(@Caller() caller: Principal): riskAnalysisV1.ListCriteriaReply {
    const visible = (owner: Criterion['owner'] | undefined) =>
      caller.actor.kind !== 'member-state' || owner?.kind !== 'member-state' || owner.memberState === caller.actor.memberState;
    const criteria = this.catalogue.entries().filter((e) => visible(e.versions[0]?.owner));
    return {
      criteria: criteria.map((e) => {
        const shown = e.versions.find((v) => v.version === e.active) ?? e.versions[e.versions.length - 1];
        return {
          id: e.id,
          version: shown?.version ?? 0,
          title: shown?.title ?? '',
          risk_area: shown?.riskArea ?? '',
          active: e.active !== null,
          owner: shown?.owner.kind === 'member-state' ? shown.owner.memberState : 'eu',
          versions: e.versions.map((v) => v.version),
        };
      }),
    };
  }

  @GrpcMethod(S, 'CreateCriterion')
  @Roles('admin', 'member-state')
  async createCriterion(@Payload() r: riskAnalysisV1.CriterionVersionRequest, @Caller() caller: Principal): Promise<riskAnalysisV1.CriterionReply> {
    const criterion = parsed(r.criterion_json);
    if (criterion.version !== 1) throw invalid('/version', 'a new criterion starts at version 1');
    if (this.catalogue.entry(criterion.id)?.versions.length) throw new PlatformError('conflict', 'CRITERION.EXISTS', `criterion ${criterion.id} exists: record a new version`);
    return this.record(criterion, caller);
  }

  @GrpcMethod(S, 'NewCriterionVersion')
  @Roles('admin', 'member-state')
  newCriterionVersion(@Payload() r: riskAnalysisV1.CriterionVersionRequest, @Caller() caller: Principal): Promise<riskAnalysisV1.CriterionReply> {
    return this.record(parsed(r.criterion_json), caller);
  }

  @GrpcMethod(S, 'ActivateCriterion')
  @Roles('admin', 'member-state')
  activateCriterion(@Payload() r: riskAnalysisV1.CriterionRefRequest, @Caller() caller: Principal): Promise<riskAnalysisV1.CriterionReply> {
    return this.change(r, caller, 'activate');
  }

  @GrpcMethod(S, 'DeactivateCriterion')
  @Roles('admin', 'member-state')
  deactivateCriterion(@Payload() r: riskAnalysisV1.CriterionRefRequest, @Caller() caller: Principal): Promise<riskAnalysisV1.CriterionReply> {
    return this.change(r, caller, 'deactivate');
  }

  @GrpcMethod(S, 'ValidateCriterion')
  @Roles('admin', 'member-state')
  validateCriterion(@Payload() r: riskAnalysisV1.ValidateCriterionRequest): riskAnalysisV1.ValidateCriterionReply {
    try {
      parsed(r.criterion_json);
      return { valid: true, errors: [] };
    } catch (e) {
      if (!(e instanceof PlatformError)) throw e;
      return { valid: false, errors: e.details.map((d) => ({ validation_code: d.validationCode, pointer: d.pointer, description: d.description ?? '' })) };
    }
  }

  @GrpcMethod(S, 'BacktestCriterion')
  @Roles('admin', 'member-state')
  async backtestCriterion(@Payload() r: riskAnalysisV1.BacktestCriterionRequest, @Caller() caller: Principal): Promise<riskAnalysisV1.BacktestCriterionReply> {
    const criterion = parsed(r.criterion_json);
    if (!isIsoInstant(r.from)) throw invalid('/from', 'an ISO-8601 UTC instant, e.g. 2026-11-01T00:00:00Z');
    const [from, to] = [new Date(r.from), new Date(r.to)];
    if (!isIsoInstant(r.to) || to <= from) throw invalid('/to', 'an ISO-8601 UTC instant after from');
    // A Member State counts only the filings it may read (criterion-backtest.ts); the Commission counts them all.
    const result = await this.backtest.run(criterion, from, to, caller.actor.kind === 'member-state' ? caller.actor.memberState : null);
    return { filings: result.filings, hit: result.hit, sample_mrns: [...result.sample] };
  }

  private async record(criterion: Criterion, caller: Principal): Promise<riskAnalysisV1.CriterionReply> {
    // The owner that counts is the criterion's (its first version's), not the one the new version claims; the decider
    // also refuses a version that changes it, should this catalogue not have seen the criterion yet.
    const established = this.catalogue.entry(criterion.id)?.versions[0]?.owner;
    if (established) mayManage(caller, established);
    mayManage(caller, criterion.owner);
    const now = this.clock.now();
    const outcome = await this.commands.criterion(
      criterion.id,
      { type: 'RecordCriterionVersion', data: { criterion, source: 'grpc', by: describeActor(caller.actor), at: now.toISOString() } },
      `record-${criterion.id}-v${criterion.version}-${now.getTime()}`,
      caller.actor,
      now,
    );
    if (outcome.kind === 'refused') throw refusal(outcome.refusal, criterion.id);
    const state = await this.catalogue.reload(criterion.id);
    return { id: criterion.id, version: criterion.version, active: state.active === criterion.version, errors: [] };
  }

  private async change(r: riskAnalysisV1.CriterionRefRequest, caller: Principal, what: 'activate' | 'deactivate'): Promise<riskAnalysisV1.CriterionReply> {
    const reason = what === 'deactivate' ? optionalTextOf(r.reason, '/reason') : undefined;
    const entry = this.catalogue.entry(r.id);
    const version = entry?.versions.find((v) => v.version === r.version);
    if (!entry || !version) throw new PlatformError('not-found', 'CRITERION.NOT_FOUND', `no version ${r.version} of ${r.id}`);
    mayManage(caller, entry.versions[0].owner);
    mayManage(caller, version.owner);
    const now = this.clock.now();
    const by = describeActor(caller.actor);
    const outcome = await this.commands.criterion(
      r.id,
      what === 'activate'
        ? { type: 'ActivateCriterion', data: { version: r.version, by, at: now.toISOString() } }
        : { type: 'DeactivateCriterion', data: { version: r.version, by, at: now.toISOString(), ...(reason ? { reason } : {}) } },
      `${what}-${r.id}-v${r.version}-${now.getTime()}`,
      caller.actor,
      now,
    );
    if (outcome.kind === 'refused') throw refusal(outcome.refusal, r.id);
    const state = await this.catalogue.reload(r.id);
    return { id: r.id, version: r.version, active: state.active === r.version, errors: [] };
  }
}
