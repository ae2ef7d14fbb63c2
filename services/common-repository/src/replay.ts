/**
 * `node dist/services/common-repository/src/replay.js [read-model]` (also what `npm run audit -- replay <read-model>`
 * loads by path): rebuilds this service's read models from the events in a scratch database and compares them row
 * by row with the live ones (@ics2/platform, replay). MIGRATION_DATABASE_URL is the schema owner, DATABASE_URL the
 * application role on the live database. Prints the report as JSON; exit 1 when a read model is not equal.
 */
import { replayService, runReplayCommandLine, type ServiceReplayReport } from '@ics2/platform';
import { readModelCatalogue } from './read-models.catalogue';

/** Every read model of the service, or only `name` (a subscription name such as `common-repository.filing-view`). */
export function replay(ownerUrl: string, liveUrl: string, name?: string): Promise<ServiceReplayReport> {
  return replayService(readModelCatalogue, { ownerUrl, liveUrl }, name);
}

if (require.main === module) {
  void runReplayCommandLine(replay, process.argv.slice(2), process.env).then((code) => process.exit(code));
}
