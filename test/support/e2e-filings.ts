/**
 * What the end-to-end suites do again and again through the trader door: file an air ENS whose goods carry a
 * given HS code (so the common risk criteria hit it or not), read an operator's inbox, and wait for the analysis
 * the responsible risk unit is to work on.
 */
import type { EnsFiling, riskAnalysisV1 } from '@ics2/contracts';
import { eventually, sampleFiling } from '@ics2/testing';
import type { MemberStateAgent, TraderAgent } from './stack-harness';

export interface InboxItem {
  readonly messageType: string;
  readonly mrn: string;
  readonly payload: Record<string, unknown>;
  readonly cursor: string;
}

/**
 * An F20 (air, complete) with one house and one goods item under `hs`, first entry at a German office. `routedThrough`:
 * an EU country the house is routed through last, so that Member State is involved whatever the seed routes it by.
 */
export function airFilingWith(hs: string, o: { seed: number; declarant: string; carrier: string; office?: string; houseDocument?: string; routedThrough?: string }): EnsFiling {
  const sample = sampleFiling('F20', {
    seed: o.seed,
    declarant: o.declarant,
    carrier: o.carrier,
    officeOfFirstEntry: o.office ?? 'DE004700',
    houses: 1,
    goodsItems: 1,
    ...(o.houseDocument ? { houseDocuments: [o.houseDocument] } : {}),
  });
  const master = sample.consignmentMasterLevel!;
  return {
    ...sample,
    consignmentMasterLevel: {
      ...master,
      consignmentHouseLevel: master.consignmentHouseLevel.map((h) => ({
        ...h,
        ...(o.routedThrough ? { countriesOfRoutingOfConsignment: routedThrough(h.countriesOfRoutingOfConsignment ?? [], o.routedThrough) } : {}),
        goodsItem: h.goodsItem!.map((g) => ({ ...g, commodity: { ...g.commodity, commodityCode: { harmonizedSystemSubHeadingCode: hs } } })),
      })),
    },
  };
}

const routedThrough = (routing: readonly { sequenceNumber: number; country: string }[], country: string) => [...routing, { sequenceNumber: routing.length + 1, country }];

export async function file(agent: TraderAgent, filing: EnsFiling): Promise<string> {
  const res = await agent.post('/v1/filings', filing);
  if (res.status !== 201) throw new Error(`filing refused: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.mrn as string;
}

export const inbox = async (agent: TraderAgent): Promise<InboxItem[]> => (await agent.get('/v1/notifications?limit=500')).body.items as InboxItem[];
export const inboxOf = async (agent: TraderAgent, mrn: string, messageType: string): Promise<InboxItem[]> => (await inbox(agent)).filter((i) => i.mrn === mrn && i.messageType === messageType);

/** The order a risk unit works an ENS's open analyses in: pre-arrival is assessed only once pre-loading is (92). */
const PHASE_ORDER: readonly string[] = ['pre-loading', 'pre-arrival'];

/**
 * The ENS's open analysis of `phase` as its responsible risk unit reads it, once the risk unit's queue shows it.
 * Without a phase, the one to work first: pre-loading when both are open (as ListOpenAnalyses orders an ENS's two
 * phases analysed in one instant), which also passes over a pre-arrival analysis held for it.
 */
export async function openAnalysisOf(rms: MemberStateAgent, mrn: string, phase?: 'pre-loading' | 'pre-arrival'): Promise<riskAnalysisV1.AnalysisView> {
  let found: riskAnalysisV1.AnalysisView | undefined;
  await eventually(async () => {
    const open = await rms.risk<riskAnalysisV1.ListOpenAnalysesReply>('ListOpenAnalyses', { limit: 1000 });
    const ofEns = open.ok ? open.reply.analyses.filter((a) => a.mrn === mrn && (phase === undefined || a.phase === phase)) : [];
    const mine = [...ofEns].sort((a, b) => PHASE_ORDER.indexOf(a.phase) - PHASE_ORDER.indexOf(b.phase))[0];
    expect(mine).toBeDefined();
    const r = await rms.risk<riskAnalysisV1.AnalysisView>('GetAnalysis', { mrn, analysis_id: mine.analysis_id });
    expect(r.ok).toBe(true);
    if (r.ok) found = r.reply;
  }, 20_000);
  return found as riskAnalysisV1.AnalysisView;
}

/** The filing with its first house consignment's consignee renamed: an amendment every filing family may make. */
export function withFirstConsigneeName(filing: EnsFiling, name: string): EnsFiling {
  const master = filing.consignmentMasterLevel!;
  return {
    ...filing,
    consignmentMasterLevel: {
      ...master,
      consignmentHouseLevel: master.consignmentHouseLevel.map((h, i) => (i === 0 ? { ...h, consignee: { ...h.consignee!, name } } : h)),
    },
  };
}
