/**
 * Links a house filing to its master on both streams (by linking key, or by a Member State's hand), and when that
 * completes the master's ENS: every member house records the complete ENS, and the consistency check runs over
 * the houses (their own figures, and PLACI against pre-arrival). A link is two-sided: both filings are asked first
 * and neither half is written unless both accept; should the house refuse after the master recorded its half (a
 * race with an invalidation), the master's half is released by an event. Command ids come from the MRNs and the
 * attempt, so a redelivered registration or a retried request does each step once, and a released link tried
 * again is written again. A house joining an ENS whose goods already arrived arrives with it; one joining an ENS
 * already selected for control, or presented, is noted with it; a master gaining a house already presented notes
 * that. Also releases the links of an invalidated filing, on each partner's stream.
 */
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Actor } from '@ics2/domain';
import type { EnsFilingCompleted } from '@ics2/contracts';
import type { FilingCommand } from '../domain/filing.commands';
import type { FilingRefusal } from '../domain/filing.refusals';
import { FilingCommands, type FilingOutcome } from '../doors/filing-commands';
import { housePresentationNote, masterHousePresentationNote } from '../doors/presentation-notes';
import type { LinkingKeyRow, LinkingKeys } from './linking-keys';

export type LinkResult =
  | { readonly kind: 'refused'; readonly by: 'master' | 'house'; readonly refusal: FilingRefusal }
  | { readonly kind: 'linked'; readonly master: FilingOutcome; readonly completed: boolean };

@Injectable()
export class LinkFilingsHandler {
  constructor(private readonly commands: FilingCommands) {}

  async link(keys: LinkingKeys, master: LinkingKeyRow, house: LinkingKeyRow, houseDocument: string, by: 'linking-key' | 'manual', actor: Actor, at: Date): Promise<LinkResult> {
    const iso = at.toISOString();
    // Each attempt has its own command ids, counted by the releases on the master's stream: a link released
    // because the house refused (a race) and tried again would otherwise replay the released half and append nothing.
    const masterHistory = await this.commands.history(master.mrn);
    const attempt = masterHistory.filter((e) => e.type === 'EnsFilingUnlinked' && e.data.unlinkedMrn === house.mrn).length;
    const step = `link-${master.mrn}-${house.mrn}-${houseDocument}${attempt > 0 ? `-${attempt}` : ''}`;
    const toHouse: FilingCommand = { type: 'LinkFiling', data: { otherMrn: master.mrn, otherLevel: 'master', otherFilingType: master.filing_type, houseDocument, otherParties: master.parties, by, at: iso } };
    const toMaster: FilingCommand = { type: 'LinkFiling', data: { otherMrn: house.mrn, otherLevel: 'house', otherFilingType: house.filing_type, houseDocument, otherParties: house.parties, by, at: iso } };
    const masterRefusal = await this.commands.refusalOf(master.mrn, toMaster);
    if (masterRefusal) return { kind: 'refused', by: 'master', refusal: masterRefusal.refusal };
    const houseRefusal = await this.commands.refusalOf(house.mrn, toHouse);
    if (houseRefusal) return { kind: 'refused', by: 'house', refusal: houseRefusal.refusal };
    const masterOutcome = await this.commands.run({ mrn: master.mrn, command: toMaster, commandId: `${step}-master`, actor, at });
    if (masterOutcome.kind === 'refused') return { kind: 'refused', by: 'master', refusal: masterOutcome.refusal };
    const houseOutcome = await this.commands.run({ mrn: house.mrn, command: toHouse, commandId: `${step}-house`, actor, at });
    if (houseOutcome.kind === 'refused') {
      await this.release(master.mrn, house.mrn, 'partner-refused', actor, at, attempt);
      return { kind: 'refused', by: 'house', refusal: houseOutcome.refusal };
    }
    await keys.linkHouse(house.mrn, master.mrn);
    const houseState = houseOutcome.state;
    // What the master went through is read from its state after its half, not from the history read before: an
    // arrival, a control or a presentation recorded in between is in it. One recorded after its half reaches the
    // house from the other side, which reads the master's links once it has recorded it (notify-arrival.handler.ts,
    // note-control.processor.ts, record-presentation.handler.ts).
    const masterState = masterOutcome.state.status === 'none' ? null : masterOutcome.state;
    // [U] A house that joins an ENS whose goods already arrived (refiled, or lodged late) arrives with it, as the
    // houses linked at the notification did: its goods came with the master's, and presentation needs it arrived.
    // The arrival's own command id, so a house the notification already arrived replays that.
    const arrival = masterState?.arrival;
    if (arrival && (houseState.status === 'registered' || houseState.status === 'pending-completeness' || houseState.status === 'complete')) {
      const { arrivalMrn, arrivedAt, officeOfArrival, notifiedBy } = arrival;
      await this.commands.run({
        mrn: house.mrn,
        command: { type: 'RecordArrival', data: { arrivalMrn, arrivedAt, officeOfArrival, notifiedBy, at: iso } },
        commandId: `arrive-${arrivalMrn}-${house.mrn}`,
        actor,
        at,
      });
    }
    // A house that joins an ENS already selected for control (refiled after the decision) is controlled with it.
    if (masterState?.control) {
      const { memberState, source } = masterState.control;
      await this.commands.run({ mrn: house.mrn, command: { type: 'NoteControl', data: { memberState, source, at: iso } }, commandId: `control-${master.mrn}-${house.mrn}`, actor, at });
    }
    // Nor may a house that joins an ENS already presented be invalidated.
    if (masterState?.status === 'presented' && masterState.presentedAt !== null) {
      await this.commands.run(housePresentationNote(master.mrn, house.mrn, masterState.presentedAt, actor, at));
    }
    // Nor may the master be, once it gained a house presented before linking: that would release the presented house.
    if (houseState.status === 'presented' && houseState.presentedAt !== null) {
      await this.commands.run(masterHousePresentationNote(house.mrn, master.mrn, houseState.presentedAt, actor, at));
    }
    const completions = masterOutcome.kind === 'appended' || masterOutcome.kind === 'replayed' ? masterOutcome.events.filter((e): e is EnsFilingCompleted => e.type === 'EnsFilingCompleted') : [];
    if (completions.length > 0) await this.completed(keys, master, completions, actor, at);
    return { kind: 'linked', master: masterOutcome, completed: completions.length > 0 };
  }

  /**
   * An invalidated (or expired) filing's links are released on each partner's stream, so each can link anew; a
   * master that lost a house has its linking timer started again from `invalidatedAt` (the event's own instant).
   */
  async invalidated(keys: LinkingKeys, row: LinkingKeyRow, actor: Actor, at: Date, invalidatedAt: Date): Promise<void> {
    const partners = row.level === 'master' ? (await keys.housesOf(row.mrn)).map((h) => h.mrn) : row.linked_to ? [row.linked_to] : [];
    for (const partner of partners) {
      await this.release(partner, row.mrn, 'partner-invalidated', actor, at);
      if (row.level === 'master') await keys.unlinkHouse(partner);
      else await keys.reopenMaster(partner, invalidatedAt);
    }
    // No member of its master's ENS any more: the master's next consistency check does not compare it.
    if (row.level === 'house') await keys.unlinkHouse(row.mrn);
  }

  private release(mrn: string, otherMrn: string, reason: 'partner-invalidated' | 'partner-refused', actor: Actor, at: Date, attempt = 0): Promise<FilingOutcome> {
    const commandId = `unlink-${mrn}-${otherMrn}-${reason}${attempt > 0 ? `-${attempt}` : ''}`;
    return this.commands.run({ mrn, command: { type: 'UnlinkFiling', data: { otherMrn, reason, at: at.toISOString() } }, commandId, actor, at });
  }

  private async completed(keys: LinkingKeys, master: LinkingKeyRow, completions: readonly EnsFilingCompleted[], actor: Actor, at: Date): Promise<void> {
    await keys.completeMaster(master.mrn);
    const iso = at.toISOString();
    // Per set of members: an ENS completed again after a member was invalidated and refiled is joined by every
    // member (a remaining house learns the new members) and checked again.
    const members = createHash('sha1').update(completions[0].data.members.join()).digest('hex').slice(0, 16);
    for (const { data } of completions) {
      for (const member of data.members.slice(1)) {
        await this.commands.run({
          mrn: member,
          command: { type: 'JoinCompletedEns', data: { headMrn: master.mrn, phase: data.phase, members: data.members, at: iso } },
          commandId: `join-${master.mrn}-${member}-${data.phase}-${members}`,
          actor,
          at,
        });
      }
    }
    await this.checkConsistency(keys, master, `consistency-${master.mrn}-${members}`, false, actor, at);
  }

  /**
   * PET11 over the master's houses as they now stand. `recheck`: after an accepted amendment changed what is
   * compared, the master records a new check although it was checked before. Each house is compared as the house
   * document it is linked as, under the master's key: a house a Member State linked by hand names another master
   * document, or house document, of its own (that is why its key did not match), which finds neither the master's
   * entry nor the PLACI data of that house.
   */
  async checkConsistency(keys: LinkingKeys, master: LinkingKeyRow, commandId: string, recheck: boolean, actor: Actor, at: Date): Promise<void> {
    const masterState = await this.commands.stateOf(master.mrn);
    const links = masterState.status === 'none' ? [] : masterState.linked;
    const houses = [];
    for (const row of await keys.housesOf(master.mrn)) {
      // A filing of one house linked as one listed document is that house; several, or a straight B/L's (''), are
      // linked by their own documents.
      const linkedAs = links.filter((l) => l.mrn === row.mrn).map((l) => l.houseDocument);
      const as = row.houses.length === 1 && linkedAs.length === 1 && linkedAs[0] !== '' ? linkedAs[0] : null;
      for (const facts of row.houses) {
        const houseDocument = as ?? facts.houseDocument;
        const summary = { ...facts.summary, houseDocument };
        const placi = row.placi ? null : await keys.placiCounterpart(master.master_document, master.carrier, houseDocument);
        const placiFacts = placi?.houses.find((h) => h.houseDocument === houseDocument);
        houses.push({ mrn: row.mrn, summary, ...(placi && placiFacts ? { placi: { mrn: placi.mrn, summary: placiFacts.summary } } : {}) });
      }
    }
    const data = { houses, at: at.toISOString(), ...(recheck ? { recheck } : {}) };
    await this.commands.run({ mrn: master.mrn, command: { type: 'CheckConsistency', data }, commandId, actor, at });
  }
}
