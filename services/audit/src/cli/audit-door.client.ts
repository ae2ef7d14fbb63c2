/**
 * The CLI's way to the audit door: HTTP with the auditor's bearer token and the stated purpose, JSON both ways. A
 * refusal comes back as the door's coded error, printed as it is.
 */
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
    super(`the audit door answered ${status}: ${JSON.stringify(body)}`);
  }
}

export class AuditDoorClient {
  constructor(private readonly settings: DoorSettings) {}

  get<T>(path: string): Promise<T> {
    return this.send<T>('GET', path);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('POST', path, body);
  }

  private async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(new URL(path, this.settings.url), {
      method,
      headers: { authorization: `Bearer ${this.settings.token}`, 'x-ics2-purpose': this.settings.purpose, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    const parsed: unknown = text ? JSON.parse(text) : null;
    if (!res.ok) throw new DoorError(res.status, parsed);
    return parsed as T;
  }
}
