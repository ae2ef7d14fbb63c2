/** control-results's own settings, validated with the platform's at start (one line and exit 1 when wrong). */
import { defineConfig, integer, optional, type ConfigOf } from '@ics2/platform';

const schema = {
  /** Opt-in parking: after this many failed attempts a projection parks the event it keeps failing on; unset: retries forever. */
  PROJECTION_MAX_ATTEMPTS: optional(integer({ min: 1, max: 1_000 })),
};

export const controlResultsConfig = defineConfig(schema);
export type ControlResultsConfig = ConfigOf<typeof schema>;
