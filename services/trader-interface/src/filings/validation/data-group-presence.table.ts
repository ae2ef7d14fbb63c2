import { DataGroup } from '@ics2/domain';
import { FilingRule } from './filing-rule';
import { goodsItemsOf } from './filing-paths';
import { childPointer } from './json-pointer';
import { requireElement, requireParty } from './presence';

/**
 * Where each data group of the filing-types table must be found (data-groups.table.ts `elements`), and how its
 * absence is reported (X01, see presence.ts). House groups are checked on every house consignment of the level,
 * goods groups on every goods item. A group is "present" when its mandatory elements are: the carrier and the
 * means of transport by their identification (they are the linking and arrival-matching keys), the parties by
 * identification or name and address.
 */
export const GROUP_PRESENCE: Readonly<Record<DataGroup, FilingRule>> = {
  // Mandatory elements of every filing: the shape layer has already required them.
  declarant: () => undefined,
  customsOfficeOfFirstEntry: () => undefined,
  representative: () => undefined,

  carrier: ({ filing, row, houses, errors }) => {
    if (row.level !== 'house') requireElement(filing, '', ['consignmentMasterLevel', 'carrier', 'identificationNumber'], errors, 'the carrier, identified');
    else for (const house of houses) requireElement(house.node, house.pointer, ['carrier', 'identificationNumber'], errors, 'the carrier, identified');
  },
  activeBorderTransportMeans: ({ filing, errors }) =>
    void requireElement(filing, '', ['activeBorderTransportMeans', 'identificationNumber'], errors, 'the active means of transport, identified'),
  routingOfMeansOfTransport: ({ filing, errors }) =>
    void requireElement(filing, '', ['activeBorderTransportMeans', 'countriesOfRoutingOfMeansOfTransport'], errors, 'the routing of the means of transport'),
  addressedMemberState: ({ filing, errors }) => void requireElement(filing, '', ['addressedMemberState'], errors, 'the addressed Member State'),
  masterTransportDocument: ({ filing, row, houses, errors }) => {
    if (row.level !== 'house') requireElement(filing, '', ['consignmentMasterLevel', 'transportDocumentMasterLevel'], errors, 'the master transport document');
    else for (const house of houses) requireElement(house.node, house.pointer, ['transportDocumentMasterLevel'], errors, 'the master transport document');
  },
  houseTransportDocument: ({ houses, errors }) => {
    for (const house of houses) requireElement(house.node, house.pointer, ['transportDocumentHouseLevel'], errors, 'the house transport document');
  },
  houseConsignments: ({ filing, row, errors }) =>
    void (row.level === 'house'
      ? requireElement(filing, '', ['consignmentHouseLevel'], errors, 'a house consignment')
      : requireElement(filing, '', ['consignmentMasterLevel', 'consignmentHouseLevel'], errors, 'a house consignment')),

  consignor: ({ houses, errors }) => {
    for (const house of houses) requireParty(house.node.consignor, childPointer(house.pointer, 'consignor'), errors, 'the consignor');
  },
  consignee: ({ houses, errors }) => {
    for (const house of houses) requireParty(house.node.consignee, childPointer(house.pointer, 'consignee'), errors, 'the consignee');
  },
  notifyParty: ({ houses, errors }) => {
    for (const house of houses) requireParty(house.node.notifyParty, childPointer(house.pointer, 'notifyParty'), errors, 'the notify party');
  },
  buyerAndSeller: ({ houses, errors }) => {
    for (const house of houses) {
      if (!requireElement(house.node, house.pointer, ['goodsShipment'], errors, 'the buyer and the seller')) continue;
      const shipment = childPointer(house.pointer, 'goodsShipment');
      requireParty(house.node.goodsShipment?.buyer, childPointer(shipment, 'buyer'), errors, 'the buyer');
      requireParty(house.node.goodsShipment?.seller, childPointer(shipment, 'seller'), errors, 'the seller');
    }
  },

  // Goods groups: the description, HS code and packages sit in goods items, so they need at least one.
  goodsItems: ({ houses, errors }) => {
    for (const house of houses) requireElement(house.node, house.pointer, ['goodsItem'], errors, 'a goods item');
  },
  goodsDescription: ({ houses, errors }) => {
    for (const house of houses) requireElement(house.node, house.pointer, ['goodsItem'], errors, 'a goods item with its description');
  },
  hsCode: ({ houses, errors }) => {
    for (const house of houses) {
      if (!requireElement(house.node, house.pointer, ['goodsItem'], errors, 'a goods item with its HS code')) continue;
      for (const item of goodsItemsOf(house)) requireElement(item.node, item.pointer, ['commodity', 'commodityCode'], errors, 'the HS code');
    }
  },
  packages: ({ houses, errors }) => {
    for (const house of houses) {
      if (!requireElement(house.node, house.pointer, ['goodsItem'], errors, 'a goods item with its packages')) continue;
      for (const item of goodsItemsOf(house)) {
        if (!requireElement(item.node, item.pointer, ['packaging'], errors, 'the packaging')) continue;
        if (!(item.node.packaging ?? []).some((packaging) => packaging.numberOfPackages !== undefined)) {
          errors.add('X01', `${item.pointer}/packaging/0/numberOfPackages`, 'required for this filing type: the number of packages');
        }
      }
    }
  },
  grossMass: ({ houses, errors }) => {
    for (const house of houses) {
      if (house.node.totalGrossMass !== undefined) continue;
      const items = house.node.goodsItem ?? [];
      if (items.length === 0 || items.some((item) => item.weight === undefined)) {
        errors.add('X01', childPointer(house.pointer, 'totalGrossMass'), "the gross mass is required: the house's total or every item's weight");
      }
    }
  },
  routingOfConsignment: ({ houses, errors }) => {
    for (const house of houses) {
      requireElement(house.node, house.pointer, ['countriesOfRoutingOfConsignment'], errors, 'the routing of the consignment');
    }
  },

  placeOfLoading: ({ filing, errors }) => void requireElement(filing, '', ['consignmentMasterLevel', 'placeOfLoading'], errors, 'the place of loading'),
  placeOfUnloading: ({ filing, errors }) =>
    void requireElement(filing, '', ['consignmentMasterLevel', 'placeOfUnloading'], errors, 'the place of unloading'),
  // Given per house, or once at the master level for all its houses.
  placeOfAcceptance: ({ filing, houses, errors }) => {
    if (filing.consignmentMasterLevel?.placeOfAcceptance) return;
    for (const house of houses) requireElement(house.node, house.pointer, ['placeOfAcceptance'], errors, 'the place of acceptance');
  },
  placeOfDelivery: ({ filing, houses, errors }) => {
    if (filing.consignmentMasterLevel?.placeOfDelivery) return;
    for (const house of houses) requireElement(house.node, house.pointer, ['placeOfDelivery'], errors, 'the place of delivery');
  },

  transportEquipment: ({ houses, errors }) => {
    for (const house of houses) requireElement(house.node, house.pointer, ['transportEquipment'], errors, 'the transport equipment');
  },
  postalCharges: ({ houses, errors }) => {
    for (const house of houses) requireElement(house.node, house.pointer, ['postalCharges'], errors, 'the postal charges');
  },
  hrcmScreeningResults: ({ filing, errors }) =>
    void requireElement(filing, '', ['hrcmScreeningResults'], errors, 'the HRCM screening results'),
};
