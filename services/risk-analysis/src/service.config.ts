/** risk-analysis's own settings, validated with the platform's at start. */
import { join } from 'node:path';
import { defineConfig, integer, optional, string, type ConfigOf } from '@ics2/platform';

const schema = {
  /** [U] how long the responsible Member State has to conclude a pre-loading analysis (air cargo waits for it). */
  PRE_LOADING_DEADLINE_MS: integer({ min: 1_000, max: 7 * 86_400_000, default: 30 * 60_000 }),
  /** [U] the same for the pre-arrival analysis. */
  PRE_ARRIVAL_DEADLINE_MS: integer({ min: 1_000, max: 30 * 86_400_000, default: 4 * 3_600_000 }),
  /** Member States whose policy is to review every analysis themselves, hits or not (comma-separated codes). */
  MANUAL_REVIEW_MEMBER_STATES: string({ default: '-', pattern: /^(-|[A-Z]{2}(,[A-Z]{2})*)$/, expected: 'comma-separated Member State codes, or - for none' }),
  /** Where the versioned criteria files are; recorded and activated at start when new. */
  CRITERIA_DIR: string({ default: join(__dirname, 'criteria-files') }),
  /** EORIs holding AEO status (a JSON array of strings); [U] the EU's AEO register is not queried. */
  AEO_OPERATORS_FILE: string({ default: join(__dirname, 'aeo', 'operators.json') }),
  ESCALATION_INTERVAL_MS: integer({ min: 0, max: 3_600_000, default: 30_000 }),
  /** How often a replica rereads the criteria streams for changes made elsewhere. */
  CRITERIA_REFRESH_MS: integer({ min: 100, max: 600_000, default: 2_000 }),
  /** Fixed once the intake has run: another count is another subscription, replayed from the start of the log. */
  INTAKE_PARTITIONS: integer({ min: 1, max: 64, default: 4 }),
  /**
   * ENS analysed at once in each intake partition. An analysis waits on round trips (read the filings, read the
   * risk stream, append), so one at a time leaves the process idle; may change at any restart.
   */
  INTAKE_CONCURRENCY: integer({ min: 1, max: 256, default: 16 }),
  /**
   * ENS analysed again at once after a criteria change (each ENS's phases one after the other): a change can reach
   * every open analysis, and one after the other held the change's subscription (and the referral answers it
   * catches up) for as many round trips as there are open analyses; may change at any restart.
   */
  REANALYSIS_CONCURRENCY: integer({ min: 1, max: 256, default: 8 }),
  /** Opt-in parking: after this many failed attempts a projection parks the event it keeps failing on; unset: retries forever. */
  PROJECTION_MAX_ATTEMPTS: optional(integer({ min: 1, max: 1_000 })),
};

export const riskAnalysisConfig = defineConfig(schema);
export type RiskAnalysisConfig = ConfigOf<typeof schema>;

export const manualReviewStates = (config: RiskAnalysisConfig): ReadonlySet<string> =>
  new Set(config.MANUAL_REVIEW_MEMBER_STATES === '-' ? [] : config.MANUAL_REVIEW_MEMBER_STATES.split(','));
