/** Loads CHECKPOINT_SIGNING_KEY_FILE at start, so a bad key stops the process with one config line. */
import { readFileSync } from 'node:fs';
import { loadCheckpointPublicKey, loadCheckpointSigner, type CheckpointSigner } from '@ics2/event-store';
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

const PEM_BLOCK = /-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g;

/** CHECKPOINT_TRUSTED_KEYS_FILE: the earlier signing keys' public halves, each checked to be an Ed25519 key. */
export function loadTrustedCheckpointKeys(path: string | undefined, readFile: (p: string) => string = (p) => readFileSync(p, 'utf8')): string[] {
  if (!path) return [];
  const variable = 'CHECKPOINT_TRUSTED_KEYS_FILE';
  let text: string;
  try {
    text = readFile(path);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ConfigError([{ variable, message: `${variable} must name a readable file of PEM public keys, got ${JSON.stringify(path)} (${reason})` }]);
  }
  const keys = text.match(PEM_BLOCK) ?? [];
  if (keys.length === 0) throw new ConfigError([{ variable, message: `${variable} must hold at least one PEM public key, got ${JSON.stringify(path)} without one` }]);
  for (const pem of keys) {
    try {
      loadCheckpointPublicKey(pem);
    } catch {
      throw new ConfigError([{ variable, message: `${variable} must hold Ed25519 public keys only, got ${JSON.stringify(path)} with another` }]);
    }
  }
  return keys;
}
