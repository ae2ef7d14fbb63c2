import { PlatformError } from '@ics2/platform';
import { parseReadNotifications, parseStreamNotifications } from './notifications.request.dto';

const refusal = (run: () => unknown): PlatformError => {
  try {
    run();
  } catch (e) {
    if (e instanceof PlatformError) return e;
    throw e;
  }
  throw new Error('not refused');
};

describe('inbox query parameters', () => {
  it('default to the start of the inbox, 100 items, no waiting', () => {
    expect(parseReadNotifications({})).toEqual({ after: '0', afterSeq: 0n, limit: 100, waitSeconds: 0 });
    expect(parseReadNotifications({ after: '', limit: '', wait: '' })).toEqual({ after: '0', afterSeq: 0n, limit: 100, waitSeconds: 0 });
  });

  it('take a cursor, a limit of 1-500 and a wait of 0-30 seconds', () => {
    expect(parseReadNotifications({ after: '42', limit: '500', wait: '30' })).toEqual({ after: '42', afterSeq: 42n, limit: 500, waitSeconds: 30 });
    expect(parseReadNotifications({ after: '9223372036854775807', limit: '1', wait: '0' }).afterSeq).toBe(2n ** 63n - 1n);
  });

  it.each([
    [{ after: 'abc' }, '/after'],
    [{ after: '-1' }, '/after'],
    [{ after: '007' }, '/after'],
    [{ after: '9223372036854775808' }, '/after'],
    [{ after: ['1', '2'] }, '/after'],
    [{ limit: '0' }, '/limit'],
    [{ limit: '501' }, '/limit'],
    [{ limit: '1.5' }, '/limit'],
    [{ limit: 'ten' }, '/limit'],
    [{ wait: '31' }, '/wait'],
    [{ wait: '-1' }, '/wait'],
    [{ wait: '1e1' }, '/wait'],
  ])('refuses %j with validation code 12 at %s', (query, pointer) => {
    const e = refusal(() => parseReadNotifications(query));
    expect(e.kind).toBe('validation');
    expect(e.details).toEqual([{ validationCode: '12', pointer, description: expect.any(String) }]);
  });

  it('names every wrong parameter at once', () => {
    expect(refusal(() => parseReadNotifications({ after: 'x', limit: '0', wait: '99' })).details.map((d) => d.pointer)).toEqual(['/after', '/limit', '/wait']);
  });

  it('streams after Last-Event-ID before ?after=, and checks whichever it uses', () => {
    expect(parseStreamNotifications({ after: '3' }, '7')).toEqual({ after: '7', afterSeq: 7n, pointer: '/headers/last-event-id' });
    expect(parseStreamNotifications({ after: '3' }, undefined)).toEqual({ after: '3', afterSeq: 3n, pointer: '/after' });
    expect(parseStreamNotifications({}, undefined)).toEqual({ after: '0', afterSeq: 0n, pointer: '/after' });
    expect(refusal(() => parseStreamNotifications({}, 'nope')).details).toEqual([{ validationCode: '12', pointer: '/headers/last-event-id', description: expect.any(String) }]);
  });
});
