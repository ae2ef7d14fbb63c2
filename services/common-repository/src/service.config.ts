/** The common repository's own settings, validated with the platform's at start (one line and exit 1 when wrong). */
import { boolean, defineConfig, integer, optional, type ConfigOf } from '@ics2/platform';

const schema = {
  /** How long a master may miss houses before the linking timer proposes links by other data (PET12). [U] value. */
  LINKING_DELAY_MS: integer({ min: 0, max: 7 * 86_400_000, default: 4 * 3_600_000 }),
  /** How often the linking timer looks; 0 turns it off (tests run it by hand). */
  LINKING_TIMER_INTERVAL_MS: integer({ min: 0, max: 86_400_000, default: 60_000 }),
  /**
   * The most link proposals in one append: a master's candidates are taken this many at a time, each page one
   * ProposeLinks. 1,000 proposals count about 800 kB at most (append-size.ts), under KurrentDB's default 1 MiB append.
   */
  LINKING_PROPOSALS_PER_APPEND: integer({ min: 1, max: 1_000, default: 1_000 }),
  /** How often the 200-day expiry looks for filings never presented; 0 turns it off. */
  EXPIRY_INTERVAL_MS: integer({ min: 0, max: 86_400_000, default: 3_600_000 }),
  /** Partitions of the filing-view projection: its replicas share them. */
  FILING_VIEW_PARTITIONS: integer({ min: 1, max: 64, default: 4 }),
  /** Opt-in parking: after this many failed attempts a projection parks the event it keeps failing on; unset: retries forever. */
  PROJECTION_MAX_ATTEMPTS: optional(integer({ min: 1, max: 1_000 })),
  /** Once at start: note on each master the presented houses it was never told of (presented before the door did). */
  PRESENTATION_NOTES_BACKFILL: boolean({ default: false }),
};

export const commonRepositoryConfig = defineConfig(schema);
export type CommonRepositoryConfig = ConfigOf<typeof schema>;
