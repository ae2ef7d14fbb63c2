/** A command line the CLI cannot act on: told with the usage, exit code 2. */
export class UsageError extends Error {}
