import { EnsFiling } from '@ics2/contracts';
import { filingType } from '@ics2/domain';
import { EnsFilingRequestDto } from './ens-filing.request.dto';
import { ErrorList } from './error-list';
import { filingRuleContext } from './filing-rule';
import { FILING_RULES } from './filing-rules.table';
import { checkFilingValues } from './semantic-rules';
import { checkShape } from './shape';
import { guardStructure } from './structure-guard';
import { refused, SenderContext, Validation } from './validation-result';

/**
 * IE3Fxx: syntax and semantic validation of an ENS filing at the trader door, in four layers. A layer that finds
 * errors stops the next ones, which would only report noise:
 *   a. structure (structure-guard.ts): a bounded JSON object, no prototype keys;
 *   b. shape (the *.request.dto.ts classes): elements, JSON types, lengths;
 *   c. codes and value objects (semantic-rules.ts);
 *   d. rules of the filing type and of the filing as a whole (filing-rules.table.ts).
 * Pure: no clock, no I/O; never throws on any input.
 */
export function validateFiling(body: unknown, context: SenderContext): Validation<EnsFiling> {
  return validateEnsMessage(body, context);
}

/** The pipeline shared by filings (IE3Fxx) and amendments (IE3Axx, a whole replacement filing). */
export function validateEnsMessage(body: unknown, context: SenderContext): Validation<EnsFiling> {
  const errors = new ErrorList();
  const guarded = guardStructure(body, errors);
  if (!guarded) return refused(errors);
  checkShape(EnsFilingRequestDto, guarded.body, errors);
  if (!errors.empty) return refused(errors);
  const filing = guarded.body as unknown as EnsFiling;
  checkFilingValues(filing, errors);
  const row = filingType(filing.specificCircumstanceIndicator);
  if (!errors.empty || !row) return refused(errors);
  const ruleContext = filingRuleContext(filing, row, context.sender, guarded.texts, errors);
  for (const { check } of FILING_RULES) {
    if (errors.full) break;
    check(ruleContext);
  }
  return errors.empty ? { ok: true, value: filing } : refused(errors);
}
