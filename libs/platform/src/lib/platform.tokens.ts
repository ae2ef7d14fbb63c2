/**
 * Injection tokens for platform values that are not classes. Class-typed services (`ShutdownRegistry`,
 * `ReadinessChecks`, `PlatformMetrics`, `DatabaseConnection`, `TokenVerifier`) are injected by their class.
 *
 *   constructor(@Inject(PLATFORM_LOGGER) private readonly logger: PlatformLogger) {}
 */
export const PLATFORM_LOGGER = Symbol.for('ics2.platform.logger');
/** The validated `PlatformConfig`. */
export const PLATFORM_CONFIG = Symbol.for('ics2.platform.config');
/** The validated config of the service's own variables (`ServiceDefinition.config`), or `{}`. */
export const SERVICE_CONFIG = Symbol.for('ics2.platform.service-config');
/** The service name (SERVICE_NAME, else the definition's name). */
export const SERVICE_NAME = Symbol.for('ics2.platform.service-name');
/** The whole `PlatformRuntime`, for platform modules that need more than one of its parts. */
export const PLATFORM_RUNTIME = Symbol.for('ics2.platform.runtime');
