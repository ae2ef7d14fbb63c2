/**
 * IE3Fxx: reserves (declarant, LRN) and the MRN serial, then registers the filing on its new stream. A re-sent
 * filing (same declarant, LRN and body) answers with the first registration and appends nothing; the same LRN with
 * another body is refused (X02). The reply is built from the registration event, first time or not. A filing whose
 * registration is larger than the event store takes is refused (EVENT_STORE.APPEND_TOO_LARGE, X10) and its
 * reservation given back, so the refusal changes nothing.
 */
import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AppendTooLargeError, canonicalJson, IdempotencyConflictError, WrongExpectedRevisionError } from '@ics2/event-store';
import { customsOfficeCountry, formatMrn, normaliseMemberStateCode, type CustomsOffice } from '@ics2/domain';
import type { EnsEvent, EnsFiling, EnsFilingRegistered, EnsResponsibilityAssigned, Ics2Error } from '@ics2/contracts';
import { DatabaseConnection, PlatformError } from '@ics2/platform';
import { FilingCommands } from '../doors/filing-commands';
import { releaseRegistration, reserveRegistration } from './filing-registrations';

export interface Registration {
  readonly registered: EnsFilingRegistered['data'];
  readonly responsibility: EnsResponsibilityAssigned['data'] | null;
  readonly rejection: readonly Ics2Error[] | null;
  readonly replayed: boolean;
}

@Injectable()
export class RegisterFilingHandler {
  constructor(
    private readonly commands: FilingCommands,
    @Inject(DatabaseConnection) private readonly database: DatabaseConnection,
  ) {}

  async handle(filing: EnsFiling, sender: string, now: Date): Promise<Registration> {
    const declarant = filing.declarant.identificationNumber as string;
    const bodySha256 = createHash('sha256').update(canonicalJson(filing)).digest('hex');
    // The MRN carries the country of the Member State that registers: the one responsible (office of first entry).
    const country = normaliseMemberStateCode(customsOfficeCountry(filing.customsOfficeOfFirstEntry.referenceNumber as CustomsOffice));
    const reservation = await reserveRegistration(this.database.pool, { declarant, lrn: filing.lrn, bodySha256, year: now.getUTCFullYear(), country, at: now });
    if (reservation.bodySha256 !== bodySha256) {
      throw new PlatformError('conflict', 'X02', 'the LRN was already used by this declarant for another filing', [
        { validationCode: 'X02', pointer: '/lrn', description: 'LRN already used for another filing' },
      ]);
    }
    const mrn = formatMrn({ year: reservation.year, memberState: reservation.country, serial: reservation.serial });
    try {
      const outcome = await this.commands.run({
        mrn,
        command: { type: 'RegisterFiling', data: { mrn, filing, filedBy: sender, at: reservation.registeredAt.toISOString() } },
        commandId: `register-${mrn}`,
        actor: { kind: 'trader', eori: sender },
        at: reservation.registeredAt,
        newStream: true,
      });
      // "First time" is the reservation's to say: a twin request may have appended these very events first.
      if (outcome.kind === 'appended' || outcome.kind === 'replayed') return registrationOf(outcome.events, !reservation.fresh);
      throw new Error(`registration of ${mrn} decided nothing (${outcome.kind})`);
    } catch (e) {
      // The stream exists: an earlier request registered it (and perhaps more happened since). Answer with that.
      if (e instanceof WrongExpectedRevisionError || e instanceof IdempotencyConflictError) return registrationOf(await this.commands.history(mrn), !reservation.fresh);
      // Larger than the store takes (EVENT_STORE_MAX_APPEND_BYTES): nothing was written, so the LRN is not kept either.
      if (e instanceof AppendTooLargeError) await releaseRegistration(this.database.pool, { declarant, lrn: filing.lrn, bodySha256, serial: reservation.serial });
      throw e;
    }
  }
}

function registrationOf(events: readonly EnsEvent[], replayed: boolean): Registration {
  const registered = events.find((e): e is EnsFilingRegistered => e.type === 'EnsFilingRegistered');
  if (!registered) throw new Error('a registration without its EnsFilingRegistered event');
  const responsibility = events.find((e): e is EnsResponsibilityAssigned => e.type === 'EnsResponsibilityAssigned');
  const rejection = events.find((e) => e.type === 'EnsFilingRejected');
  return {
    registered: registered.data,
    responsibility: responsibility?.data ?? null,
    rejection: rejection?.type === 'EnsFilingRejected' ? rejection.data.errors : null,
    replayed,
  };
}
