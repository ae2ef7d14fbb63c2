/**
 * Events are immutable, but their schemas evolve. An upcaster turns the data of one schema version of an event
 * type into the next; readers apply them in a chain so that code only ever sees the current version, while the
 * stored event keeps the bytes (and the hash) it was recorded with.
 */
export interface Upcaster {
  readonly type: string;
  /** The version this upcaster reads; it produces `fromVersion + 1`. */
  readonly fromVersion: number;
  upcast(data: unknown): unknown;
}

export interface UpcastResult {
  readonly data: unknown;
  readonly schemaVersion: number;
}

export class UpcasterChain {
  private readonly byKey = new Map<string, Upcaster>();

  constructor(upcasters: readonly Upcaster[]) {
    for (const u of upcasters) {
      const key = `${u.type}@${u.fromVersion}`;
      if (this.byKey.has(key)) throw new Error(`two upcasters for ${key}`);
      this.byKey.set(key, u);
    }
  }

  /** Applies every upcaster from `schemaVersion` on, until none is registered for the version reached. */
  upcast(type: string, schemaVersion: number, data: unknown): UpcastResult {
    let version = schemaVersion;
    let current = data;
    for (let u = this.byKey.get(`${type}@${version}`); u; u = this.byKey.get(`${type}@${version}`)) {
      current = u.upcast(current);
      version += 1;
    }
    return { data: current, schemaVersion: version };
  }
}
