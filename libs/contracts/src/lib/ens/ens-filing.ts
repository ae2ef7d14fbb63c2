/**
 * An ENS filing as economic operators send it (IE3Fxx) and as events carry it: the HTI v2.02 element tree
 * (ics2-reference section 7) with element names in camelCase. One shape for every filing type; which groups a
 * filing type requires is the filing-types table in @ics2/domain, checked at the trader door.
 *
 * - Complete filings (F10, F11, F20, F50...) carry `consignmentMasterLevel` with its house consignments in full.
 * - Master-level partial filings (F12, F21, F23...) carry `consignmentMasterLevel` and list each house consignment
 *   by its house transport document only (optionally naming the party expected to file it): that list is what
 *   completeness is measured against.
 * - House-level partial filings (F15, F22, F24, F26...) carry `consignmentHouseLevel` at the top, each house naming
 *   the master transport document and the carrier it belongs to (the unique linking key).
 *
 * Instants are ISO-8601 UTC strings; masses are kilograms.
 */

export interface Address {
  readonly streetAndNumber?: string;
  readonly poBox?: string;
  readonly postcode?: string;
  readonly city: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  readonly subDivision?: string;
}

export interface Communication {
  readonly identifier: string;
  /** CL707: EM e-mail, TE telephone, ... */
  readonly type: string;
}

export interface Party {
  readonly name?: string;
  /** EORI (or a third-country identifier where the filing type allows). */
  readonly identificationNumber?: string;
  /** CL729: 1 natural person, 2 legal person, 3 association of persons. */
  readonly typeOfPerson?: string;
  readonly address?: Address;
  readonly communication?: readonly Communication[];
}

export interface Representative extends Party {
  /** CL094: 2 direct representation, 3 indirect representation. */
  readonly status: string;
}

export interface Place {
  readonly location?: string;
  readonly unLocode?: string;
  readonly address?: { readonly country: string; readonly city?: string; readonly postcode?: string };
}

export interface TransportDocument {
  readonly documentNumber: string;
  /** CL754, e.g. N741 master air waybill, N703 house waybill. */
  readonly type: string;
}

export interface SupportingDocument {
  readonly referenceNumber: string;
  /** CL013. */
  readonly type: string;
}

export interface RoutingCountry {
  readonly sequenceNumber: number;
  readonly country: string;
}

export interface ActiveBorderTransportMeans {
  /** IMO number, flight number, registration plate, train number... per typeOfIdentification (CL750). */
  readonly identificationNumber?: string;
  readonly typeOfIdentification?: string;
  /** CL751. */
  readonly typeOfMeansOfTransport?: string;
  /** CL718 (ISO country). */
  readonly nationality?: string;
  /** CL018: 1 maritime, 2 rail, 3 road, 4 air, 5 postal, 8 inland waterway. */
  readonly modeOfTransport: string;
  /** Flight or voyage number. */
  readonly conveyanceReferenceNumber?: string;
  readonly estimatedDateAndTimeOfDeparture?: string;
  readonly actualDateAndTimeOfDeparture?: string;
  readonly estimatedDateAndTimeOfArrival?: string;
  readonly countriesOfRoutingOfMeansOfTransport?: readonly RoutingCountry[];
}

export interface Packaging {
  readonly shippingMarks?: string;
  readonly numberOfPackages?: number;
  /** CL017. */
  readonly typeOfPackages?: string;
}

export interface GoodsItem {
  readonly goodsItemNumber: number;
  readonly commodity: {
    readonly descriptionOfGoods: string;
    readonly commodityCode?: { readonly harmonizedSystemSubHeadingCode: string; readonly combinedNomenclatureCode?: string };
    readonly dangerousGoods?: readonly { readonly unNumber: string }[];
  };
  readonly weight?: { readonly grossMass: number };
  readonly packaging?: readonly Packaging[];
  readonly supportingDocuments?: readonly SupportingDocument[];
  readonly additionalInformation?: readonly { readonly code: string; readonly text?: string }[];
}

export interface TransportEquipment {
  readonly sequenceNumber?: number;
  readonly containerIdentificationNumber: string;
  readonly numberOfSeals?: number;
}

export interface HouseConsignment {
  readonly sequenceNumber?: number;
  /** CL708 (CL027): 0 not in containers, 1 in containers. */
  readonly containerIndicator?: string;
  readonly totalGrossMass?: number;
  readonly referenceNumberUcr?: string;
  readonly transportDocumentHouseLevel?: TransportDocument;
  /** In house-level partial filings: the master transport document this house belongs to (linking key). */
  readonly transportDocumentMasterLevel?: TransportDocument;
  /** In house-level partial filings: the carrier of the master, by identification (linking key). */
  readonly carrier?: Party;
  /** In master-level partial filings: who is expected to file this house's data (IE3N11 goes to them). */
  readonly supplementaryDeclarant?: Party;
  readonly placeOfAcceptance?: Place;
  readonly placeOfDelivery?: Place;
  readonly countriesOfRoutingOfConsignment?: readonly RoutingCountry[];
  readonly consignor?: Party;
  readonly consignee?: Party;
  readonly notifyParty?: Party;
  readonly goodsShipment?: { readonly buyer?: Party; readonly seller?: Party };
  readonly transportEquipment?: readonly TransportEquipment[];
  readonly transportCharges?: { readonly methodOfPayment: string };
  readonly postalCharges?: { readonly value: number; readonly currency: string };
  readonly supportingDocuments?: readonly SupportingDocument[];
  readonly additionalInformation?: readonly { readonly code: string; readonly text?: string }[];
  readonly goodsItem?: readonly GoodsItem[];
}

export interface ConsignmentMasterLevel {
  readonly transportDocumentMasterLevel?: TransportDocument;
  readonly carrier?: Party;
  readonly totalGrossMass?: number;
  readonly placeOfAcceptance?: Place;
  readonly placeOfLoading?: Place;
  readonly placeOfUnloading?: Place;
  readonly placeOfDelivery?: Place;
  readonly supportingDocuments?: readonly SupportingDocument[];
  readonly additionalSupplyChainActor?: readonly { readonly identificationNumber: string; readonly role: string }[];
  readonly consignmentHouseLevel: readonly HouseConsignment[];
}

export interface HrcmScreeningResult {
  readonly houseTransportDocument?: TransportDocument;
  /** CL726 (values [U]: the project's list is in risk-analysis). */
  readonly result: string;
  /** CL724, 2..9 methods. */
  readonly screeningMethod: readonly string[];
}

export interface EnsFiling {
  /** an..22, unique per declarant. */
  readonly lrn: string;
  readonly documentIssueDate: string;
  /** CL742: the filing type, F10...F51. */
  readonly specificCircumstanceIndicator: string;
  readonly reEntryIndicator?: string;
  readonly splitConsignment?: { readonly splitConsignmentIndicator: string; readonly previousMrn?: string };
  readonly addressedMemberState?: { readonly country: string };
  readonly declarant: Party;
  readonly representative?: Representative;
  readonly activeBorderTransportMeans?: ActiveBorderTransportMeans;
  readonly customsOfficeOfFirstEntry: { readonly referenceNumber: string };
  readonly consignmentMasterLevel?: ConsignmentMasterLevel;
  /** House-level partial filings only. */
  readonly consignmentHouseLevel?: readonly HouseConsignment[];
  readonly hrcmScreeningResults?: readonly HrcmScreeningResult[];
}

/** Every house consignment of a filing, wherever the filing type puts them. */
export function houseConsignmentsOf(filing: EnsFiling): readonly HouseConsignment[] {
  return filing.consignmentHouseLevel ?? filing.consignmentMasterLevel?.consignmentHouseLevel ?? [];
}
