import type { EnsEvent } from '@ics2/contracts';
import { arrived, deciderSpec, DEFAULTS, invalidated, mrnOf, refused, registered } from '@ics2/testing';
import { filingDecider } from '../filing.decider';

const given = deciderSpec(filingDecider);
const arrivalMrn = mrnOf(50, true);
const arrival = (notifiedBy: string = DEFAULTS.carrier) => ({
  type: 'RecordArrival' as const,
  data: { arrivalMrn, arrivedAt: '2026-12-02T06:00:00.000Z', officeOfArrival: 'DE004700', notifiedBy, at: DEFAULTS.at },
});
const refusedWith = (description: string): EnsEvent[] => [
  { type: 'EnsArrivalRefused', data: { mrn: DEFAULTS.mrn, arrivalMrn, errors: [{ code: '92', pointer: '', description }], refusedAt: DEFAULTS.at, notifiedBy: DEFAULTS.carrier } },
];

describe('record-arrival', () => {
  describe('a registered filing, notified by its carrier', () => {
    it('becomes arrived', () => {
      given([registered()])
        .when(arrival())
        .then([{ type: 'EnsFilingArrived', data: { mrn: DEFAULTS.mrn, arrivalMrn, arrivedAt: '2026-12-02T06:00:00.000Z', officeOfArrival: 'DE004700', notifiedBy: DEFAULTS.carrier } }]);
    });
  });

  describe('a filing already arrived', () => {
    it('is refused with IE3N07 (arrival is notified once)', () => given([registered(), arrived()]).when(arrival()).then(refusedWith('the arrival of these goods was already notified')));
  });

  describe('an invalidated filing', () => {
    it('is refused with IE3N07', () => given([registered(), invalidated()]).when(arrival()).then(refusedWith('the filing is invalidated')));
  });

  describe('notified by an operator the filing does not name', () => {
    it('is unknown to it', () => given([registered()]).when(arrival('IT999999999')).then(refused({ kind: 'not-found' })));
  });
});
