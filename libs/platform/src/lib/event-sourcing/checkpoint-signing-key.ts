/** Loads CHECKPOINT_SIGNING_KEY_FILE at start, so a bad key stops the process with one config line. */
import { readFileSync } from 'node:fs';
import { loadCheckpointSigner, type CheckpointSigner } from '@ics2/event-store';
import { ConfigError } from '../config/config-schema';

const VARIABLE = 'CHECKPOINT_SIGNING_KEY_FILE';

export function loadCheckpointSigningKey(path: string | undefined, readFile: (p: string) => string = (p) => readFileSync(p, 'utf8')): CheckpointSigner | undefined {
  if (!path) return undefined;
  let pem: string;
  try {
    pem = readFile(path);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ConfigError([{ variable: VARIABLE, message: `${VARIABLE} must name a readable Ed25519 private key file, got ${JSON.stringify(path)} (${reason})` }]);
  }
  try {
    return loadCheckpointSigner(pem);
  } catch {
    throw new ConfigError([{ variable: VARIABLE, message: `${VARIABLE} must hold an Ed25519 private key (PKCS#8 PEM), got ${JSON.stringify(path)} whose content is not one` }]);
  }
}
