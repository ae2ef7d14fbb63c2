/**
 * Links a house filing to its master on both streams (by linking key, or by a Member State's hand), and when that
 * completes the master's ENS: every member house records the complete ENS, and the consistency check runs over
 * the houses (their own figures, and PLACI against pre-arrival). Command ids come from the MRNs, so a redelivered
 * registration or a retried request does each step once.
 */
import { Injectable } from '@nestjs/common';
import type { Actor } from '@ics2/domain';
import type { EnsFilingCompleted } from '@ics2/contracts';
import { FilingCommands, type FilingOutcome } from '../doors/filing-commands';
import type { LinkingKeyRow, LinkingKeys } from './linking-keys';

export interface LinkResult {
  readonly master: FilingOutcome;
  readonly house: FilingOutcome;
  readonly completed: boolean;
}

@Injectable()
export class LinkFilingsHandler {
  constructor(private readonly commands: FilingCommands) {}

  async link(keys: LinkingKeys, master: LinkingKeyRow, house: LinkingKeyRow, houseDocument: string, by: 'linking-key' | 'manual', actor: Actor, at: Date): Promise<LinkResult> {
    const iso = at.toISOString();
    const step = `link-${master.mrn}-${house.mrn}-${houseDocument}`;
    const houseOutcome = await this.commands.run({
      mrn: house.mrn,
      command: { type: 'LinkFiling', data: { otherMrn: master.mrn, otherLevel: 'master', otherFilingType: master.filing_type, houseDocument, otherParties: master.parties, by, at: iso } },
      commandId: `${step}-house`,
      actor,
      at,
    });
    if (houseOutcome.kind === 'refused') return { master: houseOutcome, house: houseOutcome, completed: false };
    const masterOutcome = await this.commands.run({
      mrn: master.mrn,
      command: { type: 'LinkFiling', data: { otherMrn: house.mrn, otherLevel: 'house', otherFilingType: house.filing_type, houseDocument, otherParties: house.parties, by, at: iso } },
      commandId: `${step}-master`,
      actor,
      at,
    });
    if (masterOutcome.kind === 'refused') return { master: masterOutcome, house: houseOutcome, completed: false };
    await keys.linkHouse(house.mrn, master.mrn);
    const completions = masterOutcome.kind === 'appended' || masterOutcome.kind === 'replayed' ? masterOutcome.events.filter((e): e is EnsFilingCompleted => e.type === 'EnsFilingCompleted') : [];
    if (completions.length > 0) await this.completed(keys, master, completions, actor, at);
    return { master: masterOutcome, house: houseOutcome, completed: completions.length > 0 };
  }

  private async completed(keys: LinkingKeys, master: LinkingKeyRow, completions: readonly EnsFilingCompleted[], actor: Actor, at: Date): Promise<void> {
    await keys.completeMaster(master.mrn);
    const iso = at.toISOString();
    for (const { data } of completions) {
      for (const member of data.members.slice(1)) {
        await this.commands.run({
          mrn: member,
          command: { type: 'JoinCompletedEns', data: { headMrn: master.mrn, phase: data.phase, members: data.members, at: iso } },
          commandId: `join-${master.mrn}-${member}-${data.phase}`,
          actor,
          at,
        });
      }
    }
    const houses = [];
    for (const row of await keys.housesOf(master.mrn)) {
      for (const facts of row.houses) {
        const placi = row.placi ? null : await keys.placiCounterpart(row.master_document, row.carrier, facts.houseDocument);
        const placiFacts = placi?.houses.find((h) => h.houseDocument === facts.houseDocument);
        houses.push({ mrn: row.mrn, summary: facts.summary, ...(placi && placiFacts ? { placi: { mrn: placi.mrn, summary: placiFacts.summary } } : {}) });
      }
    }
    await this.commands.run({ mrn: master.mrn, command: { type: 'CheckConsistency', data: { houses, at: iso } }, commandId: `consistency-${master.mrn}`, actor, at });
  }
}
