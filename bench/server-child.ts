import { Core } from '../electron/core/core';
import { buildServer } from '../electron/server/app';

/**
 * The HTTP server the load test talks to, in its own process so the load tool and the server do
 * not share one event loop: the real buildServer on 127.0.0.1, an ephemeral port, printed as JSON.
 */
const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: server-child.ts DATA_DIR');
const core = Core.open({ dataDir, beforeMigrate: null });
const app = await buildServer({ core });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
const stop = async () => {
  await app.close();
  core.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
