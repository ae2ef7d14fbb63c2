/**
 * One-shot, opt-in (PRESENTATION_NOTES_BACKFILL): filings presented before the presentation door told the rest of
 * their ENS left that rest unaware. Both directions:
 * - a presented house whose linked master's filing_view row has no `ens_presented_at` (EnsHousePresentationNoted
 *   came later): the master could still be invalidated, amended or expired, releasing the presented house; it is
 *   sent NoteHousePresentation;
 * - a presented master whose linked house has none (EnsPresentationNoted came later): the house could still be
 *   amended or invalidated although its goods were presented with the master; it is sent NotePresentation.
 * Each note is the one the door sends now, with the same command id from both MRNs, so a note written by the door,
 * by linking or by an earlier run is found done and a second run writes nothing. The read model only names
 * candidates; the presented filing's own stream gives its partners and its presentation instant, and the partner's
 * decider decides.
 */
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { systemActor } from '@ics2/domain';
import { CLOCK, PLATFORM_LOGGER, ReadModelDatabase, SERVICE_CONFIG, ShutdownRegistry, type Clock, type PlatformLogger } from '@ics2/platform';
import { FilingCommands } from '../doors/filing-commands';
import { housePresentationNote, masterHousePresentationNote } from '../doors/presentation-notes';
import type { CommonRepositoryConfig } from '../service.config';

const actor = systemActor('common-repository.presentation-notes-backfill');
const BATCH = 500;

/** Presented houses are noted on their masters, presented masters on their houses; the door's notes, both ways. */
const DIRECTIONS = [
  { level: 'house', partnerLevel: 'master', note: masterHousePresentationNote },
  { level: 'master', partnerLevel: 'house', note: housePresentationNote },
] as const;

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

  /**
   * Notes every presented filing on its linked partners that lack it; returns the notes written now
   * (`<noted filing>/<presented filing>`).
   */
  async runOnce(now: Date): Promise<string[]> {
    const noted: string[] = [];
    for (const { level, partnerLevel, note } of DIRECTIONS) {
      for await (const presented of this.presentedWithUnawarePartners(level, partnerLevel)) {
        const state = await this.commands.stateOf(presented);
        if (state.status !== 'presented' || state.presentedAt === null) continue;
        for (const partner of new Set(state.linked.filter((l) => l.level === partnerLevel).map((l) => l.mrn))) {
          const outcome = await this.commands.run(note(presented, partner, state.presentedAt, actor, now));
          if (outcome.kind === 'appended' && outcome.events.length > 0) noted.push(`${partner}/${presented}`);
        }
      }
    }
    return noted;
  }

  /** Presented filings of one level with a linked partner of the other that has no presentation noted, by MRN. */
  private async *presentedWithUnawarePartners(level: 'house' | 'master', partnerLevel: 'house' | 'master'): AsyncGenerator<string> {
    let after = '';
    for (;;) {
      const rows: { mrn: string }[] = await this.db.manager.query(
        `SELECT DISTINCT f.mrn FROM common_repository.filing_view f
         CROSS JOIN LATERAL jsonb_array_elements(f.linked) AS l
         JOIN common_repository.filing_view p ON p.mrn = l->>'mrn'
         WHERE f.level = $1 AND f.status = 'presented' AND l->>'level' = $2 AND p.ens_presented_at IS NULL
           AND p.status NOT IN ('presented', 'invalidated', 'rejected') AND f.mrn > $3
         ORDER BY f.mrn LIMIT $4`,
        [level, partnerLevel, after, BATCH],
      );
      if (rows.length === 0) return;
      for (const { mrn } of rows) yield mrn;
      after = rows[rows.length - 1].mrn;
    }
  }
}
