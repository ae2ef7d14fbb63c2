/** The OpenAPI document's example of each answer (@ApiBody examples). */
export const ANSWER_EXAMPLES = {
  'IE3R02-information': {
    summary: 'IE3R02: the information asked for by an RFI (IE3Q02), with a document',
    value: {
      messageType: 'IE3R02',
      information: 'The goods are spare parts for offset printing machines; the shipper is the manufacturer.',
      documents: [{ type: 'N380', referenceNumber: 'INV-2026-000417' }],
    },
  },
  'IE3R03-screening': {
    summary: 'IE3R03: the result of the HRCM screening asked for by an RFS (IE3Q03)',
    value: {
      messageType: 'IE3R03',
      screeningResult: 'clear',
      screeningMethods: ['XRY', 'ETD'],
      additionalInformation: 'Screened at the LEJ hub by the regulated agent.',
    },
  },
} as const;
