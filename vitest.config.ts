import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const alias = { '@pcd/core': fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url)) };

export default defineConfig({
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'core', include: ['packages/core/src/**/*.test.ts'] } },
      {
        resolve: { alias },
        test: { name: 'server', include: ['packages/server/src/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000 },
      },
      {
        resolve: { alias },
        test: { name: 'browser', include: ['packages/web/e2e/**/*.test.ts'], testTimeout: 90_000, hookTimeout: 180_000, fileParallelism: false },
      },
    ],
  },
});
