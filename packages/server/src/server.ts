import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config.js';
import { prepareDatabase, printFirstStart } from './bootstrap.js';
import { buildApp } from './http/app.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Warnings and errors by default, so the first-start logins stay readable; PCD_LOG=info logs every request. */
function logLevel(v: string | undefined): false | 'info' | 'warn' | 'error' {
  if (v === '0') return false;
  return v === 'info' || v === 'error' ? v : 'warn';
}

export async function startServer(): Promise<void> {
  const config = loadConfig();
  config.webDist = process.env.PCD_WEB_DIST ?? path.resolve(here, '../../web/dist');
  const { handle, first } = await prepareDatabase(config);
  const app = await buildApp({ db: handle.db, engine: handle.engine, config }, { logger: logLevel(process.env.PCD_LOG) });
  printFirstStart(first);
  const shutdown = async () => {
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  console.log(`PCD đang chạy tại http://localhost:${config.port} (cơ sở dữ liệu: ${handle.engine === 'sqlite' ? handle.file : 'PostgreSQL'})`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  startServer().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
