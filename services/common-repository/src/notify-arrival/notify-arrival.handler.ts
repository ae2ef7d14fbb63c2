/**
 * IE3N06: match the filings, record the arrival on each matched filing's stream (EnsFilingArrived, or IE3N07
 * EnsArrivalRefused for one in an incorrect state), then register the arrival under its own MRN (IE3R04).
 * Every step is idempotent (command ids from the arrival MRN), so a re-sent notification completes what a crash
 * interrupted and answers with the same registration.
 */
import { Inject, Injectable } from '@nestjs/common';
import { arrivalStream, handleCommand } from '@ics2/event-store';
import { ENS_SCHEMA_VERSIONS, type ArrivalNotification, type ArrivalRegistered, type Ics2Error } from '@ics2/contracts';
import { customsOfficeCountry, formatMrn, MRN_PROCEDURE_LETTERS, normaliseMemberStateCode, type CustomsOffice } from '@ics2/domain';
import { DatabaseConnection, PlatformError } from '@ics2/platform';
import { FilingCommands } from '../doors/filing-commands';
import { arrivalDecider } from '../domain/arrival.decider';
import { ArrivalMatchingQuery } from './arrival-matching.query';
import { reserveArrival } from './arrival-registrations';

export interface ArrivalAnswer {
  readonly registration: ArrivalRegistered['data'];
  readonly replayed: boolean;
}

const unknownMrn: Ics2Error = { code: '12', pointer: '', description: 'no filing with this MRN' };

@Injectable()
export class NotifyArrivalHandler {
  constructor(
    private readonly commands: FilingCommands,
    private readonly matching: ArrivalMatchingQuery,
    @Inject(DatabaseConnection) private readonly database: DatabaseConnection,
  ) {}

  async handle(notification: ArrivalNotification, messageId: string, sender: string, now: Date): Promise<ArrivalAnswer> {
    const office = notification.customsOfficeOfActualFirstEntry.referenceNumber;
    const country = normaliseMemberStateCode(customsOfficeCountry(office as CustomsOffice));
    // Matched first: a notification that concerns none of the notifier's filings is refused with nothing written.
    const match = await this.matching.match(notification, sender);
    if (match.mrns.length === 0) {
      throw new PlatformError('conflict', 'ARRIVAL.NO_FILING', 'the notification matches no filing of the notifier', [
        { validationCode: '12', pointer: notification.mrns ? '/mrns' : '', description: 'no filing matches this arrival notification' },
      ]);
    }
    const reservation = await reserveArrival(this.database.pool, { notifier: sender, messageId, year: now.getUTCFullYear(), country, at: now });
    const arrivalMrn = formatMrn({ year: reservation.year, memberState: reservation.country, serial: reservation.serial, procedure: MRN_PROCEDURE_LETTERS.arrivalRegistration });
    const stream = arrivalStream(arrivalMrn);
    if (!reservation.fresh) {
      const [earlier] = await this.commands.store.readStream(stream);
      if (earlier) return { registration: earlier.data as ArrivalRegistered['data'], replayed: true };
    }
    const at = reservation.registeredAt;
    const arrived: string[] = [];
    const refused: { mrn: string; errors: readonly Ics2Error[] }[] = match.unknown.map((mrn) => ({ mrn, errors: [unknownMrn] }));
    // The matched filings, then the houses linked to each matched master, which arrive with it. The links are the
    // master's own stream's as it stood once its arrival was recorded (the state its command returns), not the read
    // model's, which may not show a link made just before: a house linked before the master's arrival is in that
    // state, and one linked after finds the master arrived and arrives with it (link-filings.handler.ts).
    const mrns = [...match.mrns];
    const seen = new Set(mrns);
    for (let i = 0; i < mrns.length; i++) {
      const mrn = mrns[i];
      const outcome = await this.commands.run({
        mrn,
        command: { type: 'RecordArrival', data: { arrivalMrn, arrivedAt: notification.actualDateAndTimeOfArrival, officeOfArrival: office, notifiedBy: sender, at: at.toISOString() } },
        commandId: `arrive-${arrivalMrn}-${mrn}`,
        actor: { kind: 'trader', eori: sender },
        at,
        causationId: messageId,
      });
      const [event] = outcome.kind === 'appended' || outcome.kind === 'replayed' ? outcome.events : [];
      // Not with a master that ended: an invalidated master's state still lists the houses whose links were released
      // (another master's by now, or none's), which do not arrive with it.
      const ended = outcome.state.status === 'none' || outcome.state.status === 'invalidated' || outcome.state.status === 'rejected';
      if (i < match.mrns.length && !ended && outcome.state.level === 'master') {
        for (const link of outcome.state.linked) {
          if (link.level === 'house' && !seen.has(link.mrn)) {
            seen.add(link.mrn);
            mrns.push(link.mrn);
          }
        }
      }
      if (event?.type === 'EnsFilingArrived') arrived.push(mrn);
      else if (event?.type === 'EnsArrivalRefused') refused.push({ mrn, errors: event.data.errors });
      else refused.push({ mrn, errors: [unknownMrn] });
    }
    const registration: ArrivalRegistered['data'] = {
      arrivalMrn,
      messageId,
      notifiedBy: sender,
      officeOfArrival: office,
      arrivedAt: notification.actualDateAndTimeOfArrival,
      ...(notification.activeBorderTransportMeans?.identificationNumber
        ? {
            transportMeans: {
              identificationNumber: notification.activeBorderTransportMeans.identificationNumber,
              ...(notification.activeBorderTransportMeans.conveyanceReferenceNumber ? { conveyanceReferenceNumber: notification.activeBorderTransportMeans.conveyanceReferenceNumber } : {}),
            },
          }
        : {}),
      arrived,
      refused,
      registeredAt: at.toISOString(),
    };
    await handleCommand(
      this.commands.store,
      stream,
      arrivalDecider,
      { command: { type: 'RegisterArrival', data: registration }, commandId: `register-arrival-${arrivalMrn}`, actor: { kind: 'trader', eori: sender }, occurredAt: at.toISOString(), correlationId: arrivalMrn, causationId: messageId },
      { schemaVersionOf: () => ENS_SCHEMA_VERSIONS.ArrivalRegistered },
    );
    return { registration, replayed: !reservation.fresh };
  }
}
