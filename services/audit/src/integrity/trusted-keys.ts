/**
 * The checkpoint keys an auditor trusts: CHECKPOINT_TRUSTED_KEYS_FILE (every key that ever signed, after
 * rotations), plus the signing key's own public half on an instance that signs.
 */
import type { PlatformRuntime } from '@ics2/platform';

export function trustedCheckpointKeys(runtime: PlatformRuntime): string[] {
  return [...runtime.trustedCheckpointKeys, ...(runtime.checkpointSigner ? [runtime.checkpointSigner.publicKeyPem] : [])];
}
