import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  adminPassword: string | null;
  /** Seed demo localities and users into an empty database. */
  demo: boolean;
  webDist: string | null;
  secureCookies: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.PCD_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || null,
    adminPassword: env.PCD_ADMIN_PASSWORD || null,
    demo: env.PCD_DEMO !== '0',
    webDist: null,
    secureCookies: env.PCD_SECURE_COOKIES === '1',
  };
}
