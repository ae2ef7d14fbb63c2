/**
 * The local stack's data folder (`npm start`): the keys are private to their owner, but the folder that also holds
 * the database must stay reachable by the `postgres` user, which PostgreSQL runs as when the stack is started by
 * root (a recursive mkdir with the keys' mode would lock it out).
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateDevKeys } from '../../infra/local/dev-keys';

describe('loadOrCreateDevKeys', () => {
  let root: string;
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'ics2-dev-keys-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('creates the data folder traversable by others and the keys folder private', () => {
    const dataDir = join(root, 'nested', '.data');
    loadOrCreateDevKeys(dataDir);
    expect(statSync(dataDir).mode & 0o001).toBe(0o001);
    expect(statSync(join(dataDir, 'keys')).mode & 0o077).toBe(0);
  });

  it('keeps the keys across calls', () => {
    const dataDir = join(root, '.data');
    const first = loadOrCreateDevKeys(dataDir);
    const second = loadOrCreateDevKeys(dataDir);
    expect(second.authPrivateKeyPem).toBe(first.authPrivateKeyPem);
    expect(readFileSync(second.checkpointPublicKeyFile, 'utf8')).toBe(readFileSync(first.checkpointPublicKeyFile, 'utf8'));
  });
});
