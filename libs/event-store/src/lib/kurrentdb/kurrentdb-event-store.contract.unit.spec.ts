import { describeEventStoreContract } from '../contract/event-store.contract';
import { FakeKurrent } from './kurrentdb-client.fake';
import { KurrentDbEventStore } from './kurrentdb-event-store';

// The port's contract, run on the adapter with the Kurrent client faked at its edge: it checks the adapter's own
// logic (expectations, idempotency, hash chain, filters, paging) wherever no server is reachable. It proves
// nothing about the server; kurrentdb-event-store.int.spec.ts runs the same contract on a real one.
describeEventStoreContract('KurrentDB adapter on a faked client', async (options) => {
  const kurrent = new FakeKurrent();
  const store = new KurrentDbEventStore({ client: kurrent.client, ...options });
  return { store, cleanup: () => store.close() };
});
