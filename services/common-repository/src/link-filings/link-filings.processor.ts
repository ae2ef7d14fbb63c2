/**
 * `common-repository.linking`: on each registration, record the filing's linking key and link it with the filings
 * of its ENS already known; refuse (IE3N01, X08) a filing whose key another open filing of its family holds; and
 * leave a master still missing houses `pending completeness`. One partition: linking compares filings across
 * streams, so it sees them in log order. Invalidated and rejected filings free their key; an invalidated filing's
 * links are released on its partners' streams (EnsFilingUnlinked), so a refiled filing links in its place.
 */
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { giveSameData, systemActor } from '@ics2/domain';
import type { EnsEvent, EnsFilingAmended, EnsFilingRegistered } from '@ics2/contracts';
import type { RecordedEvent } from '@ics2/event-store';
import { CLOCK, Subscriptions, type Clock, type ReadModelTransaction } from '@ics2/platform';
import { FilingCommands } from '../doors/filing-commands';
import { LinkFilingsHandler } from './link-filings.handler';
import { houseFactsOf, LinkingKeys, linkingRowOf, type LinkingKeyRow } from './linking-keys';

export const LINKING_SUBSCRIPTION = 'common-repository.linking';
const actor = systemActor('common-repository.linking');

@Injectable()
export class LinkFilingsProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly subscriptions: Subscriptions,
    private readonly links: LinkFilingsHandler,
    private readonly commands: FilingCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscriptions.start({
      name: LINKING_SUBSCRIPTION,
      filter: { categories: ['ens'], eventTypes: ['EnsFilingRegistered', 'EnsFilingAmended', 'EnsFilingInvalidated', 'EnsFilingRejected'] },
      batchSize: 100,
      handle: (event, tx) => this.handle(event, tx),
    });
  }

  async handle(recorded: RecordedEvent, tx: ReadModelTransaction): Promise<void> {
    const event = { type: recorded.type, data: recorded.data } as EnsEvent;
    const keys = new LinkingKeys(tx);
    if (event.type === 'EnsFilingInvalidated') {
      const row = await keys.get(event.data.mrn);
      if (row) await this.links.invalidated(keys, row, actor, new Date(recorded.recordedAt), new Date(event.data.invalidatedAt));
    }
    if (event.type === 'EnsFilingInvalidated' || event.type === 'EnsFilingRejected') return keys.close(event.data.mrn);
    if (event.type === 'EnsFilingAmended') return this.amended(event.data, keys, new Date(recorded.recordedAt));
    if (event.type !== 'EnsFilingRegistered') return;
    await this.registered(event.data, keys, new Date(recorded.recordedAt));
  }

  private async registered(data: EnsFilingRegistered['data'], keys: LinkingKeys, at: Date): Promise<void> {
    const row = linkingRowOf(data);
    await keys.insert(row);
    if (row.level === 'complete') return;
    const me = (await keys.get(row.mrn)) as LinkingKeyRow;
    const same = (await keys.sameKey(me)).filter((r) => r.mrn !== me.mrn);
    const duplicate = this.duplicateOf(me, same);
    if (duplicate) {
      await this.commands.run({
        mrn: me.mrn,
        command: {
          type: 'RejectFiling',
          data: { errors: [{ code: 'X08', pointer: duplicate.pointer, description: `unique linking key already used by ${duplicate.mrn}` }], at: at.toISOString() },
        },
        commandId: `reject-${me.mrn}`,
        actor,
        at,
      });
      await keys.close(me.mrn);
      return;
    }
    if (me.level === 'house') {
      const master = same.find((r) => r.level === 'master' && (r.house_documents.length === 0 || me.house_documents.some((d) => r.house_documents.includes(d))));
      if (master) for (const doc of this.docsToLink(master, me)) await this.links.link(keys, master, me, doc, 'linking-key', actor, at);
      return;
    }
    for (const house of same.filter((r) => r.level === 'house' && r.linked_to === null)) {
      for (const doc of this.docsToLink(me, house)) await this.links.link(keys, me, house, doc, 'linking-key', actor, at);
    }
    const now = this.clock.now();
    await this.commands.run({ mrn: me.mrn, command: { type: 'NoteCompleteness', data: { at: now.toISOString() } }, commandId: `pending-${me.mrn}`, actor, at: now });
  }

  /**
   * An accepted amendment: later checks compare the filing as it now stands, and a complete ENS whose compared
   * figures (mass, packages, consignor, consignee) changed is checked again.
   */
  private async amended(data: EnsFilingAmended['data'], keys: LinkingKeys, at: Date): Promise<void> {
    const row = await keys.get(data.mrn);
    if (!row) return;
    const houses = houseFactsOf(data.filing);
    await keys.amendHouses(data.mrn, houses);
    if (JSON.stringify(houses.map((h) => h.summary)) === JSON.stringify(row.houses.map((h) => h.summary))) return;
    for (const master of await keys.completeMastersReading(row)) {
      await this.links.checkConsistency(keys, master, `consistency-${master.mrn}-amended-${data.mrn}-${data.messageId}`, true, actor, at);
    }
  }

  /**
   * The earlier open filing holding the same key at the same level: a master key, or one of a house's documents
   * (none, for a straight B/L) given by a filing with the same data (filing-types table: an F17 completes an F16
   * of the same house B/L).
   */
  private duplicateOf(me: LinkingKeyRow, same: readonly LinkingKeyRow[]): { mrn: string; pointer: string } | null {
    // A house filing for a master that lists no house document (F13) links to it under '' whatever house document
    // it names, so against such a master the key is the master document and carrier alone.
    const straight = me.level === 'house' && same.some((r) => r.level === 'master' && r.house_documents.length === 0);
    for (const other of same.filter((r) => r.level === me.level && (r.registered_at < me.registered_at || (+r.registered_at === +me.registered_at && r.mrn < me.mrn)))) {
      if (me.level === 'house' && !giveSameData(me.filing_type, other.filing_type)) continue;
      if (me.level === 'master') return { mrn: other.mrn, pointer: '/consignmentMasterLevel/transportDocumentMasterLevel/documentNumber' };
      const index = me.house_documents.findIndex((d) => other.house_documents.includes(d));
      if (index >= 0) return { mrn: other.mrn, pointer: `/consignmentHouseLevel/${index}/transportDocumentHouseLevel/documentNumber` };
      // A straight B/L (F13) has no house document: an F17's key is its master document and carrier alone.
      if (straight || (me.house_documents.length === 0 && other.house_documents.length === 0)) return { mrn: other.mrn, pointer: '/consignmentHouseLevel/0/transportDocumentMasterLevel/documentNumber' };
    }
    return null;
  }

  /** The house documents by which a house filing joins a master: those the master lists, or '' for an unlisted partner. */
  private docsToLink(master: LinkingKeyRow, house: LinkingKeyRow): string[] {
    if (master.house_documents.length === 0) return [''];
    return house.house_documents.filter((d) => master.house_documents.includes(d));
  }
}
