import { ensureBuilt } from './build.mjs';

ensureBuilt({ quiet: true });
const { main } = await import('../packages/server/dist/cli.js');
process.exitCode = await main(process.argv.slice(2));
