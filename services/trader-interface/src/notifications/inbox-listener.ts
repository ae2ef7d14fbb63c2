/**
 * One LISTEN connection per service instance on `trader_interface_inbox` (the projection notifies it with the
 * recipient's EORI when its items commit), shared by every waiting reader: the platform's keyed-feed listener
 * (reconnects, re-checks on reconnect, closes every watch in the `stop` phase of shutdown so open long polls and
 * streams never hold the doors open).
 */
import { Inject, Injectable } from '@nestjs/common';
import { DatabaseConnection, FeedWatch, KeyedFeedListener, PLATFORM_LOGGER, ShutdownRegistry, type PlatformLogger } from '@ics2/platform';
import { INBOX_FEED } from './inbox-sequencer';

/** One reader's interest in one recipient's inbox (`key` is the recipient's EORI). */
export type InboxWatch = FeedWatch;

@Injectable()
export class InboxListener extends KeyedFeedListener {
  constructor(database: DatabaseConnection, shutdown: ShutdownRegistry, @Inject(PLATFORM_LOGGER) logger: PlatformLogger) {
    super(INBOX_FEED, database, shutdown, logger);
  }
}
