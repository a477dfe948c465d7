export { buildApp, MODULES } from './http/app.js';
export { prepareDatabase, printFirstStart } from './bootstrap.js';
export { loadConfig } from './config.js';
export { openDatabase } from './db/database.js';
export { migrateToLatest } from './db/migrate.js';
export { startServer } from './server.js';
