/**
 * One LISTEN connection per instance on `crms_crisis_alerts` (the projection notifies it when an alert commits),
 * shared by every open SubscribeCrisisAlerts stream: the platform's keyed-feed listener (reconnects, wakes every
 * stream on reconnect, ends every stream in the `stop` phase of shutdown). The alerts are no keyed feed (one table,
 * each stream filtering it by its caller) and are rare, so a stream watches every key: each notification wakes every
 * stream, which reads the table after its cursor and also looks again on a timer (CRISIS_ALERTS_POLL_MS), which
 * covers notifications lost while the connection was down.
 */
import { Inject, Injectable } from '@nestjs/common';
import { DatabaseConnection, KeyedFeedListener, PLATFORM_LOGGER, ShutdownRegistry, type PlatformLogger } from '@ics2/platform';
import { CRISIS_ALERTS_CHANNEL } from '../read-models/crisis-alerts/crisis-alerts.projection';

@Injectable()
export class CrisisAlertsListener extends KeyedFeedListener {
  constructor(database: DatabaseConnection, shutdown: ShutdownRegistry, @Inject(PLATFORM_LOGGER) logger: PlatformLogger) {
    super({ name: 'crisis alerts', channel: CRISIS_ALERTS_CHANNEL }, database, shutdown, logger);
  }
}
