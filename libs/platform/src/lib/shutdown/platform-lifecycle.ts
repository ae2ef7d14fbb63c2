/**
 * Ties the shutdown order (see ShutdownRegistry) to Nest's lifecycle: Nest calls onModuleDestroy, then
 * beforeApplicationShutdown, then closes the doors (in-flight requests finish), then onApplicationShutdown.
 */
import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationShutdown, type OnModuleDestroy } from '@nestjs/common';
import type { PlatformConfig } from '../config/platform.config';
import type { PlatformLogger } from '../logging/logger';
import { PLATFORM_CONFIG, PLATFORM_LOGGER } from '../platform.tokens';
import { ShutdownRegistry } from './shutdown-registry';

@Injectable()
export class PlatformLifecycle implements OnModuleDestroy, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    private readonly shutdown: ShutdownRegistry,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(PLATFORM_LOGGER) private readonly logger: PlatformLogger,
  ) {}

  onModuleDestroy(): void {
    // Readiness turns 503 before anything stops (a signal handler may have done it already).
    this.shutdown.begin('application closing');
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.shutdown.begin(signal ?? 'application closing');
    // Load balancers need a moment to see the 503 and stop sending new requests.
    if (this.config.SHUTDOWN_DRAIN_MS > 0) await new Promise((r) => setTimeout(r, this.config.SHUTDOWN_DRAIN_MS));
    await this.shutdown.runPhase('stop');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.shutdown.runPhase('close');
    this.logger.info('service stopped');
  }
}
