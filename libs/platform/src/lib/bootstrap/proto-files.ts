/**
 * Where the workspace's `proto/` folder is at run time. Services run from sources (ts-node, Jest) and from
 * `dist/` (containers copy `proto/` beside it), so it is found by walking up from this file.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

export const HEALTH_PROTO = join('grpc', 'health', 'v1', 'health.proto');

let cached: string | undefined;

export function protoRoot(start: string = __dirname): string {
  if (cached && start === __dirname) return cached;
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const candidate = join(dir, 'proto');
    if (existsSync(join(candidate, HEALTH_PROTO))) {
      if (start === __dirname) cached = candidate;
      return candidate;
    }
    if (dirname(dir) === dir) throw new Error(`no proto/${HEALTH_PROTO} found above ${start}`);
  }
}

/** A proto path as given by a service: absolute, or relative to `proto/`. */
export function protoFile(path: string): string {
  return isAbsolute(path) ? path : join(protoRoot(), path);
}
