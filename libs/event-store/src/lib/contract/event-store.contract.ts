import { afterAll, beforeAll, describe } from '@jest/globals';
import type { EventStore } from '../event-store.port';
import { describeAppendContract } from './event-store-append.contract';
import { describeReadContract } from './event-store-read.contract';

export interface ContractStore {
  readonly store: EventStore;
  /** Closes the store and removes whatever was made for it (a database, a server's data). */
  cleanup(): Promise<void>;
}

/**
 * The EventStore port's rules for append, readStream and readAll, as one jest suite every adapter runs
 * (subscriptions have their own: subscription.contract.ts). `makeStore` is called once for the suite; tests then
 * share that store, each writing to streams, categories and event types of its own, one test at a time.
 */
export function describeEventStoreContract(name: string, makeStore: () => Promise<ContractStore>): void {
  describe(`EventStore contract: ${name}`, () => {
    let made: ContractStore | undefined;
    const store = (): EventStore => {
      if (!made) throw new Error('the contract store was not made (see the beforeAll failure)');
      return made.store;
    };
    beforeAll(async () => {
      made = await makeStore();
    });
    afterAll(async () => {
      await made?.cleanup();
    });

    describeAppendContract(store);
    describeReadContract(store);
  });
}
