import { deciderSpec, mrnOf } from '@ics2/testing';
import type { ArrivalRegistered } from '@ics2/contracts';
import { arrivalDecider } from './arrival.decider';

const given = deciderSpec(arrivalDecider);
const registration: ArrivalRegistered['data'] = {
  arrivalMrn: mrnOf(70, true),
  messageId: 'arr-1',
  notifiedBy: 'LU987654321',
  officeOfArrival: 'DE004700',
  arrivedAt: '2026-12-02T06:00:00.000Z',
  arrived: [mrnOf(1)],
  refused: [],
  registeredAt: '2026-12-02T06:01:00.000Z',
};

describe('register-arrival', () => {
  it('registers an arrival notification once (IE3R04)', () => {
    given([]).when({ type: 'RegisterArrival', data: registration }).then([{ type: 'ArrivalRegistered', data: registration }]);
    given([{ type: 'ArrivalRegistered', data: registration }]).when({ type: 'RegisterArrival', data: registration }).thenNothingHappened();
  });
});
