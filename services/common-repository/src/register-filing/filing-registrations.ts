/**
 * The (declarant, LRN) reservation, with the MRN serial taken in the same statement: one round trip for a new
 * filing. A concurrent twin waits on the unique index, finds the row taken, and (its statement's snapshot being
 * older than the other's commit) sees nothing yet: it asks again and then reads the first filing's reservation.
 */
import type { Pool } from 'pg';

export interface Reservation {
  readonly serial: bigint;
  readonly year: number;
  readonly country: string;
  /** The first request's instant: every retry registers the same facts, so its events are the same events. */
  readonly registeredAt: Date;
  readonly bodySha256: string;
  /** False when an earlier request made the reservation. */
  readonly fresh: boolean;
}

const RESERVE = `
  WITH reserved AS (
    INSERT INTO common_repository.filing_registrations (declarant, lrn, body_sha256, serial, mrn_year, mrn_country, registered_at)
    VALUES ($1, $2, $3, nextval('common_repository.mrn_serial'), $4, $5, $6)
    ON CONFLICT (declarant, lrn) DO NOTHING
    RETURNING serial::text, mrn_year, mrn_country, registered_at, body_sha256, true AS fresh)
  SELECT * FROM reserved
  UNION ALL
  SELECT serial::text, mrn_year, mrn_country, registered_at, body_sha256, false AS fresh FROM common_repository.filing_registrations
  WHERE declarant = $1 AND lrn = $2 AND NOT EXISTS (SELECT 1 FROM reserved)`;

interface Row {
  serial: string;
  mrn_year: number;
  mrn_country: string;
  registered_at: Date;
  body_sha256: string;
  fresh: boolean;
}

export async function reserveRegistration(
  pool: Pool,
  request: { declarant: string; lrn: string; bodySha256: string; year: number; country: string; at: Date },
): Promise<Reservation> {
  const values = [request.declarant, request.lrn, request.bodySha256, request.year, request.country, request.at];
  for (let attempt = 0; attempt < 5; attempt++) {
    const { rows } = await pool.query<Row>({ name: 'common_repository.reserve_registration', text: RESERVE, values });
    const row = rows[0];
    if (row) {
      return {
        serial: BigInt(row.serial),
        year: row.mrn_year,
        country: row.mrn_country,
        registeredAt: row.registered_at,
        bodySha256: row.body_sha256,
        fresh: row.fresh,
      };
    }
  }
  throw new Error(`reservation of (${request.declarant}, ${request.lrn}) neither made nor found`);
}

/**
 * Gives back a reservation whose filing the store refused before writing anything (AppendTooLargeError): the
 * refusal then changes nothing, and the LRN is free for a filing that fits. Only the row this request's body made
 * (a twin request with the same body is refused the same way); its MRN serial is not reused.
 */
export async function releaseRegistration(pool: Pool, request: { declarant: string; lrn: string; bodySha256: string; serial: bigint }): Promise<void> {
  await pool.query('DELETE FROM common_repository.filing_registrations WHERE declarant = $1 AND lrn = $2 AND body_sha256 = $3 AND serial = $4', [
    request.declarant,
    request.lrn,
    request.bodySha256,
    request.serial.toString(),
  ]);
}
