/** The arrival's own MRN, reserved per (notifier, message id): a re-sent IE3N06 finds its first registration. */
import type { Pool } from 'pg';

export interface ArrivalReservation {
  readonly serial: bigint;
  readonly year: number;
  readonly country: string;
  readonly registeredAt: Date;
  readonly fresh: boolean;
}

const RESERVE = `
  WITH reserved AS (
    INSERT INTO common_repository.arrival_registrations (notifier, message_id, serial, mrn_year, mrn_country, registered_at)
    VALUES ($1, $2, nextval('common_repository.mrn_serial'), $3, $4, $5)
    ON CONFLICT (notifier, message_id) DO NOTHING
    RETURNING serial::text, mrn_year, mrn_country, registered_at, true AS fresh)
  SELECT * FROM reserved
  UNION ALL
  SELECT serial::text, mrn_year, mrn_country, registered_at, false FROM common_repository.arrival_registrations
  WHERE notifier = $1 AND message_id = $2 AND NOT EXISTS (SELECT 1 FROM reserved)`;

export async function reserveArrival(pool: Pool, r: { notifier: string; messageId: string; year: number; country: string; at: Date }): Promise<ArrivalReservation> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const { rows } = await pool.query<{ serial: string; mrn_year: number; mrn_country: string; registered_at: Date; fresh: boolean }>(RESERVE, [
      r.notifier,
      r.messageId,
      r.year,
      r.country,
      r.at,
    ]);
    if (rows[0]) return { serial: BigInt(rows[0].serial), year: rows[0].mrn_year, country: rows[0].mrn_country, registeredAt: rows[0].registered_at, fresh: rows[0].fresh };
  }
  throw new Error(`arrival reservation of (${r.notifier}, ${r.messageId}) neither made nor found`);
}
