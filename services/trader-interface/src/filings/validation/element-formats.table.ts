import { GOODS_DESCRIPTION_MAX_LENGTH, TRANSPORT_DOCUMENT_NUMBER_MAX_LENGTH } from '@ics2/domain';

/**
 * Maximum lengths of the message elements (an..n, n..n), read by the request DTOs for validation (code 12) and for
 * the OpenAPI document alike. [V] reference 7 for LRN (an..22), identification numbers (an..17), document numbers
 * (an..70), document types (an4), the means of transport's identification (an..35); every other length is the
 * HTI IE tables' usual size for that kind of element ([U]: the reference's tree does not give it).
 */
export const MAX_LENGTH = {
  lrn: 22,
  identificationNumber: 17,
  name: 70,
  streetAndNumber: 70,
  poBox: 70,
  postcode: 17,
  city: 35,
  subDivision: 35,
  country: 2,
  communicationIdentifier: 512,
  communicationType: 3,
  codeN1: 1,
  location: 35,
  unLocode: 17,
  documentNumber: TRANSPORT_DOCUMENT_NUMBER_MAX_LENGTH,
  documentType: 4,
  referenceNumber: 70,
  meansIdentificationNumber: 35,
  typeOfIdentification: 2,
  typeOfMeansOfTransport: 4,
  conveyanceReferenceNumber: 35,
  /** an20 'YYYY-MM-DDThh:mm:ssZ'; fractions of a second are accepted, so a little more. */
  instant: 30,
  shippingMarks: 512,
  typeOfPackages: 2,
  descriptionOfGoods: GOODS_DESCRIPTION_MAX_LENGTH,
  harmonizedSystemSubHeadingCode: 6,
  combinedNomenclatureCode: 2,
  unNumber: 4,
  additionalInformationCode: 5,
  text: 512,
  containerIdentificationNumber: 17,
  referenceNumberUcr: 35,
  methodOfPayment: 1,
  currency: 3,
  role: 3,
  screeningCode: 3,
  specificCircumstanceIndicator: 3,
  mrn: 18,
  customsOffice: 8,
  invalidationReason: 512,
} as const;

/** n..5 sequence and item numbers. */
export const MAX_SEQUENCE_NUMBER = 99_999;

/** n..4 number of seals. */
export const MAX_NUMBER_OF_SEALS = 9_999;
