import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSigningKeyPair } from '@ics2/platform';

/** Issuer and audience of the tokens the local stack mints and accepts. */
export const DEV_ISSUER = 'ics2-local';
export const DEV_AUDIENCE = 'ics2';

export interface DevKeys {
  readonly authPrivateKeyPem: string;
  readonly authPublicKeyFile: string;
  readonly checkpointPrivateKeyFile: string;
  readonly checkpointPublicKeyFile: string;
}

function loadOrCreatePair(dir: string, name: string): { privateFile: string; publicFile: string } {
  const privateFile = join(dir, `${name}.private.pem`);
  const publicFile = join(dir, `${name}.public.pem`);
  if (!existsSync(privateFile) || !existsSync(publicFile)) {
    const pair = generateSigningKeyPair();
    writeFileSync(privateFile, pair.privateKeyPem, { mode: 0o600 });
    writeFileSync(publicFile, pair.publicKeyPem);
  }
  return { privateFile, publicFile };
}

/**
 * The local stack's signing keys, generated once into the data folder and kept across restarts so tokens and
 * integrity checkpoints stay valid. Production takes its keys from secrets instead.
 */
export function loadOrCreateDevKeys(dataDir: string): DevKeys {
  const dir = join(dataDir, 'keys');
  // The data folder first, with the default mode: a recursive mkdir would give it the keys' 0700 too, and the
  // database beside the keys must stay reachable by the `postgres` user when the stack is started by root.
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const auth = loadOrCreatePair(dir, 'auth-signing');
  const checkpoint = loadOrCreatePair(dir, 'checkpoint-signing');
  return {
    authPrivateKeyPem: readFileSync(auth.privateFile, 'utf8'),
    authPublicKeyFile: auth.publicFile,
    checkpointPrivateKeyFile: checkpoint.privateFile,
    checkpointPublicKeyFile: checkpoint.publicFile,
  };
}

/** Where the local stack keeps its database and keys: ICS2_DATA_DIR, or `.data/` at the workspace root. */
export function dataDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return env.ICS2_DATA_DIR ?? join(__dirname, '..', '..', '.data');
}
