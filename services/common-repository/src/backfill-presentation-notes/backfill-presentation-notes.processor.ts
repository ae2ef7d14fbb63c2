/**
 * One-shot, opt-in (PRESENTATION_NOTES_BACKFILL): a house presented before the presentation door told its master
 * (EnsHousePresentationNoted came later) left a master that can still be invalidated, amended or expired, which
 * would release the presented house. At start this finds each presented house whose linked master's filing_view row
 * has no `ens_presented_at`, and sends the master the note the door sends now (NoteHousePresentation, the same
 * command id from both MRNs), so a note written by the door, by linking or by an earlier run is found done and
 * a second run writes nothing. The read model only names candidates; each house's own stream gives its masters and
 * its presentation instant, and the master's decider decides.
 */
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { systemActor } from '@ics2/domain';
import { CLOCK, PLATFORM_LOGGER, ReadModelDatabase, SERVICE_CONFIG, ShutdownRegistry, type Clock, type PlatformLogger } from '@ics2/platform';
import { FilingCommands } from '../doors/filing-commands';
import { masterHousePresentationNote } from '../doors/presentation-notes';
import type { CommonRepositoryConfig } from '../service.config';

const actor = systemActor('common-repository.presentation-notes-backfill');
const BATCH = 500;

@Injectable()
export class BackfillPresentationNotesProcessor implements OnApplicationBootstrap {
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: ReadModelDatabase,
    private readonly commands: FilingCommands,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: CommonRepositoryConfig,
    @Inject(PLATFORM_LOGGER) private readonly logger: PlatformLogger,
    private readonly shutdown: ShutdownRegistry,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.PRESENTATION_NOTES_BACKFILL) return;
    // In the background: the service serves meanwhile, and shutdown waits for the run.
    this.running = this.runOnce(this.clock.now()).then(
      (noted) => this.logger.info({ noted: noted.length }, 'presentation notes backfilled'),
      (err: unknown) => this.logger.error({ err }, 'presentation notes backfill failed'),
    );
    this.shutdown.register('presentation-notes-backfill', () => this.running);
  }

  /** Notes every presented house on its masters that lack it; returns the masters noted now (`<master>/<house>`). */
  async runOnce(now: Date): Promise<string[]> {
    const noted: string[] = [];
    let after = '';
    for (;;) {
      const houses: { mrn: string }[] = await this.db.manager.query(
        `SELECT DISTINCT h.mrn FROM common_repository.filing_view h
         CROSS JOIN LATERAL jsonb_array_elements(h.linked) AS l
         JOIN common_repository.filing_view m ON m.mrn = l->>'mrn'
         WHERE h.level = 'house' AND h.status = 'presented' AND l->>'level' = 'master' AND m.ens_presented_at IS NULL
           AND m.status NOT IN ('presented', 'invalidated', 'rejected') AND h.mrn > $1
         ORDER BY h.mrn LIMIT $2`,
        [after, BATCH],
      );
      if (houses.length === 0) return noted;
      for (const { mrn } of houses) {
        const house = await this.commands.stateOf(mrn);
        if (house.status !== 'presented' || house.presentedAt === null) continue;
        for (const master of new Set(house.linked.filter((l) => l.level === 'master').map((l) => l.mrn))) {
          const outcome = await this.commands.run(masterHousePresentationNote(mrn, master, house.presentedAt, actor, now));
          if (outcome.kind === 'appended' && outcome.events.length > 0) noted.push(`${master}/${mrn}`);
        }
      }
      after = houses[houses.length - 1].mrn;
    }
  }
}
