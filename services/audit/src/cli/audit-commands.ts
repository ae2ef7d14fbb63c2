/** The audit CLI's commands by name, and what each gets: its arguments, the options, the door, the output. */
import type { AuditDoorClient } from './audit-door.client';
import { DOOR_COMMANDS } from './door-commands';
import { runReplay } from './replay-command';
import { verifyBundleCommand } from './verify-bundle-command';

export interface CliOutput {
  print(text: string): void;
  error(text: string): void;
}

export interface CommandContext {
  readonly args: readonly string[];
  readonly options: Readonly<Record<string, string | boolean | undefined>>;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly out: CliOutput;
  /** The audit door, for the commands that read through it (throws a UsageError without token or purpose). */
  door(): AuditDoorClient;
}

export interface AuditCommand {
  run(context: CommandContext): Promise<number>;
}

export { UsageError } from './usage-error';

// Replay needs no door: it reads the live database and builds scratch ones (MIGRATION_DATABASE_URL, DATABASE_URL).
const replay: AuditCommand = { run: (c) => runReplay(c.args, c.env, c.out) };

export const AUDIT_COMMANDS: Readonly<Record<string, AuditCommand>> = { ...DOOR_COMMANDS, 'verify-bundle': verifyBundleCommand, replay };
