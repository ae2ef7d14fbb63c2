/**
 * The CLI's way to the audit door: HTTP with the auditor's bearer token and the stated purpose, JSON both ways. A
 * refusal comes back as the door's coded error, printed as it is.
 */
import { purposeHeaderValue } from '@ics2/platform';

export interface DoorSettings {
  /** e.g. http://127.0.0.1:3005 (the local stack's audit door). */
  readonly url: string;
  readonly token: string;
  readonly purpose: string;
}

export class DoorError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`the audit door answered ${status}: ${typeof body === 'string' ? body : JSON.stringify(body)}`);
  }
}

/** No answer at all: nothing listens there, the connection broke, or the address is no HTTP door. */
export class DoorUnreachableError extends Error {}

export class AuditDoorClient {
  constructor(private readonly settings: DoorSettings) {}

  get<T>(path: string): Promise<T> {
    return this.send<T>('GET', path);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('POST', path, body);
  }

  private async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    let res: Response;
    let text: string;
    try {
      res = await fetch(new URL(path, this.settings.url), {
        method,
        headers: { authorization: `Bearer ${this.settings.token}`, 'x-ics2-purpose': purposeHeaderValue(this.settings.purpose), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      text = await res.text();
    } catch (e) {
      // fetch says only "fetch failed"; its cause says why (ECONNREFUSED, a reset, a closed socket). Read by shape:
      // fetch's errors may come from another realm than this module's Error.
      const { message, cause } = e as { message?: string; cause?: { code?: string; message?: string } };
      throw new DoorUnreachableError(`the audit door cannot be reached at ${this.settings.url} (${cause?.code ?? cause?.message ?? message ?? String(e)})`);
    }
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Something else answered (a proxy's error page, another server): say what, briefly.
      throw new DoorError(res.status, `not the audit door's JSON: ${JSON.stringify(text.slice(0, 120))}`);
    }
    if (!res.ok) throw new DoorError(res.status, parsed);
    return parsed as T;
  }
}
