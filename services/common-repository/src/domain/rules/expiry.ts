/** An ENS never presented is invalidated automatically 200 days after filing (ics2-reference 10). */
export const EXPIRY_DAYS = 200;
const DAY_MS = 86_400_000;

export const expiresAt = (registeredAt: string): string => new Date(Date.parse(registeredAt) + EXPIRY_DAYS * DAY_MS).toISOString();

export const isExpiredAt = (registeredAt: string, at: string): boolean => Date.parse(at) >= Date.parse(registeredAt) + EXPIRY_DAYS * DAY_MS;
