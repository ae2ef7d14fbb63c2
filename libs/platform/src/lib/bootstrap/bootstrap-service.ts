/**
 * A service's `main.ts`: start, and own the process. A config error prints one line and exits 1; SIGTERM or
 * SIGINT turns readiness off at once, shuts down gracefully and exits 0 (or 1 if it takes longer than
 * SHUTDOWN_TIMEOUT_MS).
 */
import { ConfigError } from '../config/config-schema';
import { createServiceApp, type ServiceApp, type ServiceAppOptions } from './create-service-app';
import type { ServiceDefinition } from './platform-runtime';

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

function exitWith(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

export async function bootstrapService(definition: ServiceDefinition, options: ServiceAppOptions = {}): Promise<ServiceApp> {
  let service: ServiceApp;
  try {
    service = await createServiceApp(definition, options);
  } catch (e) {
    if (e instanceof ConfigError) exitWith(e.message);
    // Anything else was logged as JSON by createServiceApp, when the logger existed.
    exitWith(`${definition.name} failed to start: ${e instanceof Error ? e.message : String(e)}`);
  }
  const { runtime, app } = service;
  const { logger } = runtime;

  for (const signal of SIGNALS) {
    // Registered before Nest's own handler, so readiness is 503 before any hook or door starts closing.
    process.once(signal, () => {
      runtime.shutdown.begin(signal);
      setTimeout(() => {
        logger.fatal({ timeoutMs: runtime.config.SHUTDOWN_TIMEOUT_MS }, 'shutdown took too long; exiting');
        process.exit(1);
      }, runtime.config.SHUTDOWN_TIMEOUT_MS).unref();
    });
  }
  // useProcessExit: exit 0 after a clean shutdown (Nest would otherwise re-raise the signal) and let pino flush.
  app.enableShutdownHooks([...SIGNALS], { useProcessExit: true });

  process.on('unhandledRejection', (err) => {
    logger.fatal({ err }, 'unhandled promise rejection');
    process.exit(1);
  });
  return service;
}
