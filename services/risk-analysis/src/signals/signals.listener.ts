/**
 * One LISTEN connection per service instance on `risk_analysis_signals` (the projection notifies it with the
 * Member State's code when its signals commit), shared by every open SubscribeSignals stream: the platform's
 * keyed-feed listener (reconnects, wakes every stream on reconnect, ends every stream in the `stop` phase).
 */
import { Inject, Injectable } from '@nestjs/common';
import { DatabaseConnection, KeyedFeedListener, PLATFORM_LOGGER, ShutdownRegistry, type PlatformLogger } from '@ics2/platform';
import { SIGNALS_FEED } from './signals.feed';

@Injectable()
export class SignalsListener extends KeyedFeedListener {
  constructor(database: DatabaseConnection, shutdown: ShutdownRegistry, @Inject(PLATFORM_LOGGER) logger: PlatformLogger) {
    super(SIGNALS_FEED, database, shutdown, logger);
  }
}
