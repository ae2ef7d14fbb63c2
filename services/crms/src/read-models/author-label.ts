import type { RifAuthor } from '@ics2/contracts';

/** `member-state:DE/u-1` or `commission:u-1`: who acted, in the form replies carry it. */
export const describeRifAuthor = (a: RifAuthor): string => (a.kind === 'commission' ? `commission:${a.userId}` : `member-state:${a.memberState}/${a.userId}`);
