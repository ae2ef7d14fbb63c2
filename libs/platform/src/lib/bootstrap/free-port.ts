import { createServer, type AddressInfo } from 'node:net';

/**
 * A port free right now. Only for gRPC port 0: Nest's gRPC server does not report the port the OS chose, so
 * one is picked here first (another process could take it in between; fine for tests, never used in production).
 */
export function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
