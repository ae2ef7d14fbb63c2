/**
 * The files the CLI reads (a bundle, a report, trusted keys) and writes (--out): one that cannot be used is told in
 * one line naming it and why (exit 2, as a usage error), never as the file system's exception with its stack.
 */
import { readFileSync, writeFileSync } from 'node:fs';

export class CliFileError extends Error {}

const reasonOf = (e: unknown): string => {
  const code = (e as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = { ENOENT: 'no such file or directory', EISDIR: 'it is a directory', EACCES: 'permission denied', ENOTDIR: 'a part of its path is not a directory', EROFS: 'a read-only file system' };
  return (code && reasons[code]) ?? (e instanceof Error ? e.message : String(e));
};

export function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliFileError(`cannot read ${what} ${file}: ${reasonOf(e)}`);
  }
}

export function writeText(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (e) {
    throw new CliFileError(`cannot write ${file}: ${reasonOf(e)}`);
  }
}
