/**
 * The criteria a replica analyses with. At start: the versioned criteria files are recorded on their streams
 * (`criterion-<id>`, as events) and, for an id nobody activated or deactivated yet, its highest version is activated;
 * otherwise it only gets the new versions, activation staying the risk managers' decision. Then the active
 * set is rebuilt from the streams, compiled, and refreshed every CRITERIA_REFRESH_MS from changes made anywhere.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { systemActor } from '@ics2/domain';
import type { Criterion, CriterionEvent } from '@ics2/contracts';
import { criterionStream, START, type EventStore, type Position } from '@ics2/event-store';
import { EVENT_STORE, PLATFORM_LOGGER, SERVICE_CONFIG, ShutdownRegistry, type PlatformLogger } from '@ics2/platform';
import { criterionLifecycleDecider, type CriterionState } from '../domain/criteria-lifecycle/criterion-lifecycle.decider';
import { compileCriteria, type CompiledCriteria } from '../domain/criteria/criteria-engine';
import { loadCriteriaFiles } from '../domain/criteria/criteria-files';
import { RiskCommands } from '../doors/risk-commands';
import type { RiskAnalysisConfig } from '../service.config';

const seeder = systemActor('risk-analysis.criteria-files');

export interface CriterionEntry {
  readonly id: string;
  readonly versions: readonly Criterion[];
  readonly active: number | null;
}

@Injectable()
export class CriteriaCatalogue implements OnModuleInit {
  private states = new Map<string, CriterionState>();
  private position: Position = START;
  private compiled: { key: string; engine: CompiledCriteria } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private listeners: ((ids: readonly string[]) => void)[] = [];

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commands: RiskCommands,
    @Inject(SERVICE_CONFIG) private readonly config: RiskAnalysisConfig,
    @Inject(PLATFORM_LOGGER) private readonly logger: PlatformLogger,
    private readonly shutdown: ShutdownRegistry,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.seedFromFiles(new Date());
    await this.refresh();
    const tick = () => {
      void this.refresh()
        .catch((err: unknown) => this.logger.warn({ err }, 'criteria refresh failed'))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, this.config.CRITERIA_REFRESH_MS).unref();
        });
    };
    this.timer = setTimeout(tick, this.config.CRITERIA_REFRESH_MS).unref();
    this.shutdown.register('criteria refresh', () => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
    });
  }

  /**
   * The active criteria in force at `at`, compiled. Recompiled only when that set changes (a validity window opens
   * or closes, an activation), and compiled at `at` itself: a criterion valid from 10:00:30 applies from then, not
   * from the next minute.
   */
  compiledAt(at: Date): CompiledCriteria {
    const t = at.getTime();
    const inForce = this.activeCriteria().filter((c) => Date.parse(c.validFrom) <= t && (c.validTo === undefined || t < Date.parse(c.validTo)));
    const key = inForce.map((c) => `${c.id}@${c.version}`).join(',');
    if (!this.compiled || this.compiled.key !== key) this.compiled = { key, engine: compileCriteria(inForce, at.toISOString()) };
    return this.compiled.engine;
  }

  activeCriteria(): Criterion[] {
    return [...this.states.values()].flatMap((s) => (s.active === null ? [] : s.versions.filter((v) => v.version === s.active)));
  }

  entries(): CriterionEntry[] {
    return [...this.states.entries()].map(([id, s]) => ({ id, versions: s.versions, active: s.active })).sort((a, b) => a.id.localeCompare(b.id));
  }

  entry(id: string): CriterionEntry | undefined {
    const s = this.states.get(id);
    return s ? { id, versions: s.versions, active: s.active } : undefined;
  }

  /** Called with the ids whose activation changed, after each refresh that saw changes. */
  onChange(listener: (ids: readonly string[]) => void): void {
    this.listeners.push(listener);
  }

  /** Rereads the criteria streams that changed since the last look; the compiled set follows. */
  async refresh(): Promise<void> {
    const changed = new Set<string>();
    for (;;) {
      const page = await this.store.readAll({ fromPosition: this.position, maxCount: 1_000, filter: { categories: ['criterion'] } });
      for (const e of page) changed.add(e.streamId.slice('criterion-'.length));
      if (page.length > 0) this.position = page[page.length - 1].position;
      if (page.length < 1_000) break;
    }
    for (const id of changed) await this.reload(id);
    if (changed.size > 0) {
      this.compiled = null;
      for (const listener of this.listeners) listener([...changed]);
    }
  }

  /** Rereads one criterion's stream now (after this replica changed it, without waiting for the refresh). */
  async reload(id: string): Promise<CriterionState> {
    const events = await this.store.readStream(criterionStream(id));
    const state = events.reduce((s, e) => criterionLifecycleDecider.evolve(s, { type: e.type, data: e.data } as CriterionEvent), criterionLifecycleDecider.initialState());
    this.states.set(id, state);
    this.compiled = null;
    return state;
  }

  private async seedFromFiles(now: Date): Promise<void> {
    const dir = this.config.CRITERIA_DIR;
    const names = readdirSync(dir).filter((f) => f.endsWith('.json'));
    const loaded = loadCriteriaFiles(names.map((name) => ({ name, content: readFileSync(join(dir, name), 'utf8') })));
    if (!loaded.ok) throw new Error(`criteria files in ${dir} are not valid: ${JSON.stringify(loaded.errors.slice(0, 3))}`);
    const byId = new Map<string, Criterion[]>();
    for (const c of loaded.criteria) byId.set(c.id, [...(byId.get(c.id) ?? []), c].sort((a, b) => a.version - b.version));
    for (const [id, versions] of byId) {
      const before = await this.reload(id);
      for (const criterion of versions.filter((v) => v.version > before.versions.length)) {
        await this.commands.criterion(id, { type: 'RecordCriterionVersion', data: { criterion, source: 'file', by: 'criteria-files', at: now.toISOString() } }, `file-${id}-v${criterion.version}`, seeder, now);
      }
      const highest = versions[versions.length - 1];
      if (!before.activationDecided) await this.commands.criterion(id, { type: 'ActivateCriterion', data: { version: highest.version, by: 'criteria-files', at: now.toISOString() } }, `file-${id}-activate`, seeder, now);
      await this.reload(id);
    }
    this.logger.info({ files: names.length, criteria: byId.size }, 'criteria files recorded');
  }
}
