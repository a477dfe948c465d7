import { ensureBuilt } from './build.mjs';

ensureBuilt();
const { startServer } = await import('../packages/server/dist/server.js');
await startServer();
