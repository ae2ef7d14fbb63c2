import { afterAll, beforeAll, describe } from '@jest/globals';
import type { EventStore } from '../event-store.port';
import { describeAppendContract } from './event-store-append.contract';
import { describeAppendSizeContract } from './event-store-append-size.contract';
import { describeReadContract } from './event-store-read.contract';

export interface ContractStore {
  readonly store: EventStore;
  /** Closes the store and removes whatever was made for it (a database, a server's data). */
  cleanup(): Promise<void>;
}

/** How the suite needs the store made: with this largest append (append-size.ts), which its tests then reach. */
export interface ContractStoreOptions {
  readonly maxAppendBytes: number;
}

/** Well under KurrentDB's default MaxAppendSize (1 MiB), so a real server with its defaults takes what the store does. */
export const CONTRACT_MAX_APPEND_BYTES = 64 * 1024;

/**
 * The EventStore port's rules for append, readStream and readAll, as one jest suite every adapter runs
 * (subscriptions have their own: subscription.contract.ts). `makeStore` is called once for the suite, and must make
 * the store with the options it is given; tests then share that store, each writing to streams, categories and
 * event types of its own, one test at a time.
 */
export function describeEventStoreContract(name: string, makeStore: (options: ContractStoreOptions) => Promise<ContractStore>): void {
  describe(`EventStore contract: ${name}`, () => {
    let made: ContractStore | undefined;
    const store = (): EventStore => {
      if (!made) throw new Error('the contract store was not made (see the beforeAll failure)');
      return made.store;
    };
    beforeAll(async () => {
      made = await makeStore({ maxAppendBytes: CONTRACT_MAX_APPEND_BYTES });
    });
    afterAll(async () => {
      await made?.cleanup();
    });

    describeAppendContract(store);
    describeAppendSizeContract(store, CONTRACT_MAX_APPEND_BYTES);
    describeReadContract(store);
  });
}
