/**
 * IE3N06, the arrival notification of the active means of transport (ics2-reference 5.4, 10), as operators send
 * it. The filings it concerns are matched by one of (ics2-reference 10, "Matching filings to an arrival"):
 * - a list of MRNs (any mode);
 * - the means of transport and its estimated arrival (maritime: IMO number; air: flight number);
 * - a list of master air waybills (air).
 */
export interface ArrivalNotification {
  readonly activeBorderTransportMeans?: {
    /** IMO number (maritime), registration (air, road), train number (rail). */
    readonly identificationNumber?: string;
    /** Flight or voyage number. */
    readonly conveyanceReferenceNumber?: string;
    readonly estimatedDateAndTimeOfArrival?: string;
  };
  readonly actualDateAndTimeOfArrival: string;
  /** The office of the first EU place of arrival (an8). */
  readonly customsOfficeOfActualFirstEntry: { readonly referenceNumber: string };
  readonly mrns?: readonly string[];
  readonly masterTransportDocuments?: readonly { readonly documentNumber: string }[];
}
