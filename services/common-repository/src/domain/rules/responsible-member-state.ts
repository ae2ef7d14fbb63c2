/**
 * Who risk-analyses a filing (ics2-reference 11.1). [U] the exact rules; the project's choice, kept here alone:
 * - responsible Member State (RMS): the country of the declared customs office of first entry (first point of
 *   entry carries out the safety and security analysis, CRMF);
 * - involved Member States (IMS): the other EU Member States the goods or the means of transport touch: countries
 *   of routing (means of transport and consignments), of unloading and of delivery, and the addressed Member State.
 * Greece is written GR (libs/domain country.ts). Non-EU routing countries are never involved.
 */
import { houseConsignmentsOf, type EnsFiling, type Place } from '@ics2/contracts';
import { customsOfficeCountry, isEuMemberState, normaliseMemberStateCode, type CustomsOffice } from '@ics2/domain';

export const RESPONSIBILITY_RULE = 'rms=office-of-first-entry; ims=eu-routing+unloading+delivery+addressed';

export interface Responsibility {
  readonly responsibleMemberState: string;
  readonly involvedMemberStates: readonly string[];
  readonly rule: string;
}

function placeCountry(place: Place | undefined): string | undefined {
  if (!place) return undefined;
  if (place.unLocode) return place.unLocode.slice(0, 2);
  return place.address?.country;
}

export function responsibilityFor(filing: EnsFiling): Responsibility {
  const rms = normaliseMemberStateCode(customsOfficeCountry(filing.customsOfficeOfFirstEntry.referenceNumber as CustomsOffice));
  const touched: (string | undefined)[] = [
    ...(filing.activeBorderTransportMeans?.countriesOfRoutingOfMeansOfTransport ?? []).map((r) => r.country),
    placeCountry(filing.consignmentMasterLevel?.placeOfUnloading),
    placeCountry(filing.consignmentMasterLevel?.placeOfDelivery),
    filing.addressedMemberState?.country,
  ];
  for (const house of houseConsignmentsOf(filing)) {
    touched.push(...(house.countriesOfRoutingOfConsignment ?? []).map((r) => r.country), placeCountry(house.placeOfDelivery));
  }
  const involved = new Set<string>();
  for (const country of touched) {
    if (!country) continue;
    const ms = normaliseMemberStateCode(country);
    if (ms !== rms && isEuMemberState(ms)) involved.add(ms);
  }
  return { responsibleMemberState: rms, involvedMemberStates: [...involved].sort(), rule: RESPONSIBILITY_RULE };
}
