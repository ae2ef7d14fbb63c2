/**
 * Who caused an event or sent a command. Every recorded event names one, so an auditor can always answer
 * "who did this". Only identifiers are kept here: never names or other personal data.
 */
export type Actor =
  | { readonly kind: 'trader'; readonly eori: string }
  | { readonly kind: 'member-state'; readonly memberState: string; readonly userId: string }
  | { readonly kind: 'auditor'; readonly userId: string }
  | { readonly kind: 'admin'; readonly userId: string }
  | { readonly kind: 'system'; readonly component: string };

export const systemActor = (component: string): Actor => ({ kind: 'system', component });

/** A short, stable, log-safe rendering: `trader:DE123`, `member-state:FR/u-17`, `system:risk-analysis`. */
export function describeActor(actor: Actor): string {
  switch (actor.kind) {
    case 'trader':
      return `trader:${actor.eori}`;
    case 'member-state':
      return `member-state:${actor.memberState}/${actor.userId}`;
    case 'auditor':
    case 'admin':
      return `${actor.kind}:${actor.userId}`;
    case 'system':
      return `system:${actor.component}`;
    default: {
      const unreachable: never = actor;
      return unreachable;
    }
  }
}
