/**
 * Multiple filing (reference 7.2): consistent sets of filings that link by their unique linking key, the master
 * document and the carrier, plus each house document. Each set is one shipment draft rendered as the master
 * half and as one house-level filing per house, lodged by the house's filer a few minutes after the master
 * (house filers must not file before the master-level filer, reference 3). Also the single-filing helpers per
 * mode, and the e-commerce filing the benchmarks use.
 */
import type { EnsFiling, GoodsItem, HouseConsignment, Party } from '@ics2/contracts';
import { houseConsignmentsOf } from '@ics2/contracts';
import type { FilingType } from '@ics2/domain';
import { EXPORTERS, IMPORTERS, PRIVATE_PERSONS, WEB_SHOPS } from './ens-sample-catalogue';
import { renderFiling, rowOf, sampleFiling } from './ens-sample-filing';
import type { SampleFilingOptions } from './ens-sample-options';
import { codeOfParty, companyParty, euCompanyParty, placeOfParty } from './ens-sample-parties';
import { draftShipment, type HouseDraft, hsCodeFor, type ShipmentDraft, sumMasses } from './ens-sample-shipment';
import { isoInstant } from './ens-sample-voyage';
import { hash32, sampleRandom } from './sample-random';

/** A master-level partial filing and the house-level filings that complete it. */
export interface MultipleFiling {
  readonly master: EnsFiling;
  readonly houses: readonly EnsFiling[];
}

/** Renders the master half and one house-level filing per house, each lodged by that house's filer. */
function multipleFiling(masterType: FilingType, houseType: FilingType, draft: ShipmentDraft): MultipleFiling {
  const master = renderFiling(rowOf(masterType), { ...draft, namesHouseFilers: true });
  const houses = draft.houses.map((house) =>
    renderFiling(rowOf(houseType), {
      ...draft,
      seed: house.seed,
      issueDate: house.issueDate,
      lrn: undefined,
      declarant: house.filer,
      declarantCode: house.filerCode,
      representative: undefined,
      houses: [house],
    }),
  );
  return { master, houses };
}

/**
 * Air PLACI (pre-loading): the carrier's F23 listing the house waybills and naming their filers, and one F24 (7+1)
 * per house waybill. `representative` applies to the master only.
 */
export function airPlaciScenario(options: SampleFilingOptions = {}): MultipleFiling {
  return multipleFiling('F23', 'F24', draftShipment(rowOf('F23'), options));
}

/** What a deliberately inconsistent pre-arrival filing changes in one house, for `flagged` consistency tests. */
export interface ScenarioInconsistency {
  readonly element: 'grossMass' | 'numberOfPackages' | 'consignor' | 'consignee';
  /** Index of the house; default 0. */
  readonly house?: number;
}

export interface AirPreArrivalOptions extends SampleFilingOptions {
  /** The PLACI filings this pre-arrival data completes: same MAWB, carrier, HAWBs, weights, packages, parties. */
  readonly placi?: MultipleFiling;
  readonly inconsistency?: ScenarioInconsistency;
}

const latestIssue = (filings: readonly EnsFiling[]) => Math.max(...filings.map((f) => Date.parse(f.documentIssueDate)));

/** The F24 house as a pre-arrival house draft: same documents, parties and goods, HS codes added. */
function fromPlaci(base: HouseDraft, filing: EnsFiling, house: HouseConsignment, seed: number): HouseDraft {
  const random = sampleRandom(seed);
  const goods: GoodsItem[] = (house.goodsItem ?? []).map((item) => ({
    ...item,
    commodity: {
      ...item.commodity,
      commodityCode: item.commodity.commodityCode ?? {
        harmonizedSystemSubHeadingCode: hsCodeFor(item.commodity.descriptionOfGoods, random),
      },
    },
    packaging: (item.packaging ?? [{ numberOfPackages: 1 }]).map((p) => ({ typeOfPackages: 'PK', ...p })),
  }));
  const consignor = house.consignor ?? base.consignor;
  const consignee = house.consignee ?? base.consignee;
  return {
    ...base,
    ...(house.transportDocumentHouseLevel ? { houseDocument: house.transportDocumentHouseLevel } : {}),
    filer: filing.declarant,
    filerCode: codeOfParty(filing.declarant),
    consignor,
    consignee,
    placeOfAcceptance: placeOfParty(consignor),
    placeOfDelivery: placeOfParty(consignee),
    goods,
    ...(house.totalGrossMass !== undefined ? { totalGrossMass: house.totalGrossMass } : {}),
  };
}

const otherParty = (current: Party, pool: readonly Party[]): Party => pool.find((p) => p.name !== current.name) ?? pool[0];

function withInconsistency(house: HouseDraft, element: ScenarioInconsistency['element']): HouseDraft {
  const [first, ...rest] = house.goods;
  switch (element) {
    case 'grossMass': {
      const mass = first.weight?.grossMass ?? 1;
      const delta = Math.max(0.5, Math.round(mass * 0.15 * 10) / 10);
      const goods = [{ ...first, weight: { grossMass: sumMasses([mass, delta]) } }, ...rest];
      return { ...house, goods, ...(house.totalGrossMass !== undefined ? { totalGrossMass: sumMasses([house.totalGrossMass, delta]) } : {}) };
    }
    case 'numberOfPackages': {
      const [packaging, ...others] = first.packaging ?? [{}];
      const more = { ...packaging, numberOfPackages: (packaging.numberOfPackages ?? 0) + 1 };
      return { ...house, goods: [{ ...first, packaging: [more, ...others] }, ...rest] };
    }
    case 'consignor': {
      const consignor = otherParty(house.consignor, [...EXPORTERS, ...WEB_SHOPS].map((c) => companyParty(c)));
      return { ...house, consignor, placeOfAcceptance: placeOfParty(consignor) };
    }
    case 'consignee': {
      const pool = house.consignee.typeOfPerson === '1'
        ? PRIVATE_PERSONS.map((p) => ({ ...house.consignee, name: p.name, address: p.address }))
        : IMPORTERS.map((c) => euCompanyParty(c));
      const consignee = otherParty(house.consignee, pool);
      return { ...house, consignee, placeOfDelivery: placeOfParty(consignee) };
    }
    default: {
      const unreachable: never = element;
      throw new Error(`unknown inconsistency ${String(unreachable)}`);
    }
  }
}

/**
 * Air pre-arrival: the carrier's F21 and one F22 per house waybill. Given `placi`, it completes those PLACI
 * filings with the same master air waybill, carrier, house waybills, weights, packages, consignors and consignees
 * (so the PLACI/pre-arrival consistency check is `ok`), lodged after them; `inconsistency` changes one house so
 * the check is `flagged`.
 */
export function airPreArrivalScenario(options: AirPreArrivalOptions = {}): MultipleFiling {
  const { placi, inconsistency, ...sampleOptions } = options;
  let draft: ShipmentDraft;
  if (placi) {
    const placiHouses = placi.houses.flatMap((filing) => houseConsignmentsOf(filing).map((house) => ({ filing, house })));
    const placiMaster = placi.master.consignmentMasterLevel;
    const masterDocument = placiMaster?.transportDocumentMasterLevel ?? placiHouses[0]?.house.transportDocumentMasterLevel;
    const carrier = placiMaster?.carrier ?? placiHouses[0]?.house.carrier;
    const seed = sampleOptions.seed ?? hash32(placi.master.lrn);
    const issue = latestIssue([placi.master, ...placi.houses]) + sampleRandom(seed).int(120, 360) * 60_000;
    const base = draftShipment(rowOf('F21'), {
      ...sampleOptions,
      seed,
      houses: Math.max(1, placiHouses.length),
      ...(masterDocument ? { masterDocument: masterDocument.documentNumber } : {}),
      ...(carrier?.identificationNumber ? { carrier: carrier.identificationNumber } : {}),
      officeOfFirstEntry: sampleOptions.officeOfFirstEntry ?? placi.master.customsOfficeOfFirstEntry.referenceNumber,
      documentIssueDate: sampleOptions.documentIssueDate ?? isoInstant(issue),
    });
    const placiCarrier = placiMaster?.carrier;
    draft = {
      ...base,
      ...(placiCarrier?.name ? { carrier: placiCarrier } : {}),
      ...(sampleOptions.declarant === undefined
        ? { declarant: placi.master.declarant, declarantCode: codeOfParty(placi.master.declarant) }
        : {}),
      houses: base.houses.map((house, i) =>
        placiHouses[i] ? fromPlaci(house, placiHouses[i].filing, placiHouses[i].house, house.seed) : house,
      ),
    };
  } else {
    draft = draftShipment(rowOf('F21'), sampleOptions);
  }
  if (inconsistency) {
    const target = inconsistency.house ?? 0;
    if (!draft.houses[target]) throw new Error(`airPreArrivalScenario: there is no house ${target}`);
    draft = { ...draft, houses: draft.houses.map((house, i) => (i === target ? withInconsistency(house, inconsistency.element) : house)) };
  }
  return multipleFiling('F21', 'F22', draft);
}

/** Maritime layered filing: the carrier's F12 (master B/L, containers) and one F15 (or F16) per house B/L. */
export function maritimeScenario(options: SampleFilingOptions & { readonly houseFilingType?: 'F15' | 'F16' } = {}): MultipleFiling {
  const { houseFilingType = 'F15', ...sampleOptions } = options;
  return multipleFiling('F12', houseFilingType, draftShipment(rowOf('F12'), { containers: true, ...sampleOptions }));
}

/**
 * Maritime layered filing with each house B/L in two parts (filing-types table: F12 awaits goods and buyer and
 * seller): the carrier's F12, one F16 (goods, without buyer and seller) and one F17 (buyer and seller) per house B/L,
 * both from the house's filer.
 */
export function maritimeTwoPartScenario(options: SampleFilingOptions = {}): MultipleFiling & { readonly buyerAndSeller: readonly EnsFiling[] } {
  const draft = draftShipment(rowOf('F12'), { containers: true, ...options });
  const { master, houses } = multipleFiling('F12', 'F16', draft);
  return { master, houses, buyerAndSeller: multipleFiling('F12', 'F17', draft).houses };
}

/** Postal PLACI: the carrier's F44 listing the postal items, one F43 per item from the postal operator. */
export function postalPlaciScenario(options: SampleFilingOptions = {}): MultipleFiling {
  return multipleFiling('F44', 'F43', draftShipment(rowOf('F44'), options));
}

/** Postal, complete dataset (F40): the EU postal operator's filing for mail flown in under one air waybill. */
export const postalFiling = (options: SampleFilingOptions = {}): EnsFiling => sampleFiling('F40', options);

/** Express, complete dataset (F30), lodged by the integrator. */
export const expressFiling = (options: SampleFilingOptions = {}): EnsFiling => sampleFiling('F30', options);

/** Express PLACI 7+1 (F32): the integrator's house waybills, before loading. */
export const expressPlaciFiling = (options: SampleFilingOptions = {}): EnsFiling => sampleFiling('F32', options);

/** Road, complete dataset (F50): a truck entering at a land border. */
export const roadFiling = (options: SampleFilingOptions = {}): EnsFiling => sampleFiling('F50', options);

/** Rail, complete dataset (F51): a China-Europe block train entering at the Polish border. */
export const railFiling = (options: SampleFilingOptions = {}): EnsFiling => sampleFiling('F51', options);

/**
 * The benchmark's workload: a small house-level e-commerce filing (F22 or F26), one parcel from a Chinese or US
 * web shop to a private person in the EU, 1 to 3 goods items, places of acceptance and delivery given.
 */
export function ecommerceHouseFiling(seed: number): EnsFiling {
  const random = sampleRandom(seed).fork('ecommerce');
  return sampleFiling(random.pick(['F22', 'F26'] as const), {
    seed,
    ecommerce: true,
    houses: 1,
    goodsItems: random.int(1, 3),
    placesOfAcceptanceAndDelivery: true,
  });
}
