/**
 * GET /v1/notifications (page, long poll) and GET /v1/notifications/stream (Server-Sent Events): the caller's
 * own inbox, the caller being the EORI of the bearer token (role trader), never a parameter. Thin: parameters
 * are checked here, the reading is InboxReader's.
 */
import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiHeader, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Caller, PlatformError, Roles, ShutdownRegistry, type Principal } from '@ics2/platform';
import { InboxReader } from './inbox.reader';
import { cursorNotGivenOut, LIMIT, parseReadNotifications, parseStreamNotifications, WAIT_SECONDS } from './notifications.request.dto';
import { NotificationsPageDto, toNotificationsPage } from './notifications.response.dto';
import { ServerSentEvents, type StreamResponse } from './notifications.sse';

interface ClosingResponse {
  once(event: 'close', listener: () => void): unknown;
  off(event: 'close', listener: () => void): unknown;
  setHeader(name: string, value: string): unknown;
}

function eoriOf(caller: Principal): string {
  if (caller.actor.kind !== 'trader') throw new PlatformError('permission', 'AUTH.ROLE_NOT_ALLOWED', 'the inbox is for economic operators');
  return caller.actor.eori;
}

/** Aborts when the connection closes before the answer is complete (the client went away). */
function abortOnClose(res: ClosingResponse): { readonly signal: AbortSignal; done(): void } {
  const controller = new AbortController();
  const onClose = () => controller.abort();
  res.once('close', onClose);
  return { signal: controller.signal, done: () => res.off('close', onClose) };
}

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('v1/notifications')
@Roles('trader')
export class NotificationsHttpController {
  constructor(
    private readonly reader: InboxReader,
    private readonly shutdown: ShutdownRegistry,
  ) {}

  @Get()
  @ApiQuery({ name: 'after', required: false, description: 'an opaque cursor: a previous reply\'s `next` (or an item\'s `cursor`); left out: from the first item' })
  @ApiQuery({ name: 'limit', required: false, description: `items per reply, ${LIMIT.min}-${LIMIT.max}, default ${LIMIT.default}` })
  @ApiQuery({ name: 'wait', required: false, description: `seconds to hold the request while there is nothing new (long poll), ${WAIT_SECONDS.min}-${WAIT_SECONDS.max}, default ${WAIT_SECONDS.default}` })
  @ApiOkResponse({ type: NotificationsPageDto, description: 'the items after `after`, oldest first (possibly none, after waiting)' })
  @ApiBadRequestResponse({ description: 'after, limit or wait is not valid, or after is past the inbox\'s last item (validation code 12, pointer /after, /limit or /wait)' })
  async readNotifications(
    @Caller() caller: Principal,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) res: ClosingResponse,
  ): Promise<NotificationsPageDto> {
    const request = parseReadNotifications(query);
    const recipient = eoriOf(caller);
    // Before any wait: a cursor past the recipient's last item was never given out.
    if (!(await this.reader.gaveOut(recipient, request.afterSeq))) throw cursorNotGivenOut('/after');
    const connection = abortOnClose(res);
    try {
      const rows = await this.reader.page(recipient, request.afterSeq, request.limit, request.waitSeconds * 1_000, connection.signal);
      // A poll cut short by shutdown: the client's next one should go to an instance that stays.
      if (this.shutdown.isShuttingDown) res.setHeader('connection', 'close');
      return toNotificationsPage(rows, request.after);
    } finally {
      connection.done();
    }
  }

  @Get('stream')
  @ApiProduces('text/event-stream')
  @ApiQuery({ name: 'after', required: false, description: 'an opaque cursor to replay after; Last-Event-ID wins when both are given' })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'the id of the last event received (EventSource sends it when reconnecting)' })
  @ApiOkResponse({ description: 'text/event-stream: `id: <cursor>`, `event: <messageType>`, `data: <item JSON>`; a `: heartbeat` comment every 15 s; the stream ends when the bearer token expires: reconnect with a new token and Last-Event-ID' })
  @ApiBadRequestResponse({ description: 'after or Last-Event-ID is not a cursor of this inbox, or is past its last item (validation code 12)' })
  async streamNotifications(
    @Caller() caller: Principal,
    @Query() query: Record<string, unknown>,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Res() res: StreamResponse & ClosingResponse,
  ): Promise<void> {
    const request = parseStreamNotifications(query, lastEventId);
    const recipient = eoriOf(caller);
    // Before the stream opens, so the refusal is a plain 400 and nothing is streamed.
    if (!(await this.reader.gaveOut(recipient, request.afterSeq))) throw cursorNotGivenOut(request.pointer);
    const connection = abortOnClose(res);
    const events = new ServerSentEvents(res);
    try {
      await events.open();
      await this.reader.stream(recipient, request.afterSeq, events, connection.signal);
    } finally {
      connection.done();
      events.end();
    }
  }
}
