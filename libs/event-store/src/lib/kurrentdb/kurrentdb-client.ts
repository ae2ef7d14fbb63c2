import { KurrentDBClient } from '@kurrent/kurrentdb-client';

/**
 * The part of the Kurrent client the adapter uses. Everything goes through this type, so unit tests can stand in
 * for the server at this one edge (there is no KurrentDB server where the unit tests run).
 */
export type KurrentClient = Pick<
  KurrentDBClient,
  | 'appendToStream'
  | 'readStream'
  | 'readAll'
  | 'subscribeToAll'
  | 'createPersistentSubscriptionToAll'
  | 'subscribeToPersistentSubscriptionToAll'
  | 'getPersistentSubscriptionToAllInfo'
  | 'dispose'
>;

/** `kurrentdb://host:2113?tls=false`, `kurrentdb+discover://...`: the client's own connection-string syntax. */
export function connectKurrent(connectionString: string): KurrentClient {
  return KurrentDBClient.connectionString(connectionString);
}
