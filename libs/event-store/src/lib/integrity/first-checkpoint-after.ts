import { comparePositions, type Position } from '../recorded-event';
import type { SignedCheckpoint } from './signed-checkpoint';

/**
 * The first version 2 checkpoint at or after each of a stream's events, asked in log order (a stream's revisions
 * are): one lookup per checkpoint stretch, not one per event. Sound because, if C is the first checkpoint at or
 * after an event at p, any checkpoint at or after a later event q >= p is also at or after p, so at or after C:
 * while q <= C, C is still the first for q; and when none follows p, none follows q.
 */
export class FirstCheckpointAfter<C extends SignedCheckpoint> {
  private last: { readonly position: Position; readonly checkpoint: C | null } | null = null;

  constructor(private readonly lookup: (position: Position) => Promise<C | null>) {}

  async of(position: Position): Promise<C | null> {
    const last = this.last;
    if (last && comparePositions(position, last.position) >= 0) {
      if (last.checkpoint === null) return null;
      if (comparePositions(position, last.checkpoint.position) <= 0) return last.checkpoint;
    }
    const checkpoint = await this.lookup(position);
    this.last = { position, checkpoint };
    return checkpoint;
  }
}
