import { EnsFiling } from '@ics2/contracts';
import { validateEnsMessage } from './validate-filing';
import { SenderContext, Validation } from './validation-result';

/**
 * IE3Axx: an amendment is a whole replacement filing, validated by the same rules as a filing. Which elements may
 * change, and whether the filing still accepts amendments, is the common repository's lifecycle decision.
 */
export function validateAmendment(body: unknown, context: SenderContext): Validation<EnsFiling> {
  return validateEnsMessage(body, context);
}
