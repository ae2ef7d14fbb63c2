/**
 * HRCM screening code lists (ics2-reference 9): CL724 screening methods and CL726 screening results. [U] ICS2 does
 * not publish their values; the project's lists follow EU aviation security screening methods (Regulation (EU)
 * 2015/1998, 6.2.1) and are used alike by risk units (recommended methods) and operators (IE3R03 answers).
 */
export const SCREENING_METHODS = {
  PHS: 'hand search',
  VCK: 'visual check',
  XRY: 'X-ray equipment',
  EDS: 'explosive detection systems',
  EDD: 'explosive detection dogs',
  ETD: 'explosive trace detection',
  MDE: 'metal detection equipment',
  SIM: 'simulation chamber',
  CMD: 'other method (described)',
} as const;

export const SCREENING_RESULTS = {
  clear: 'screened, no threat found',
  threat: 'screened, a threat or anomaly found',
  'not-screened': 'could not be screened (reason in additional information)',
} as const;

export type ScreeningMethod = keyof typeof SCREENING_METHODS;

/** The most screening methods a message names: an IE3R03 the methods used (at least one), an IE3Q03 those it recommends (none or more). */
export const MAX_SCREENING_METHODS = 9;
export type ScreeningResult = keyof typeof SCREENING_RESULTS;

/** What a risk unit may recommend as control (RAT18). [U] the project's list. */
export const CONTROL_TYPES = {
  documentary: 'documentary check',
  scan: 'non-intrusive scan (X-ray, gamma)',
  physical: 'physical examination',
  sampling: 'sampling and analysis',
  other: 'other (described in the reason)',
} as const;

export type ControlType = keyof typeof CONTROL_TYPES;
