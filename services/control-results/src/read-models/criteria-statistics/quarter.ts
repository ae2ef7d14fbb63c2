/** The calendar quarter of an instant, UTC: `2026-Q4`. Sorts as text in time order. */
export function quarterOf(iso: string): string {
  const d = new Date(iso);
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

export const QUARTER_PATTERN = /^\d{4}-Q[1-4]$/;
