// The trader door's validation of ENS messages (IE3Fxx, IE3Axx, IE3N06, IE3Q04): pure functions, no Nest module.
export { type SenderContext, type Validation } from './validation-result';
export { validateFiling } from './validate-filing';
export { validateAmendment } from './validate-amendment';
export { validateArrivalNotification } from './validate-arrival-notification';
export { validateInvalidation, type Invalidation } from './validate-invalidation';
export { MAX_ERRORS } from './error-list';
export { FILING_RULES, type FilingRuleRow } from './filing-rules.table';
// The request DTOs, for the controller's OpenAPI document (@ApiBody).
export { ArrivalNotificationRequestDto } from './arrival-notification.request.dto';
export { EnsFilingRequestDto } from './ens-filing.request.dto';
export { InvalidationRequestDto } from './invalidation.request.dto';
