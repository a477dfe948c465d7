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
        test: {
          name: 'browser', include: ['packages/web/e2e/**/*.test.ts'], testTimeout: 90_000, hookTimeout: 180_000, fileParallelism: false,
          // A loaded CI machine can take seconds to refetch after a write; a poll gives up only after 15 s.
          expect: { poll: { timeout: 15_000, interval: 100 } },
          // One retry: on a loaded 2-core CI machine an Ant Design overlay now and then misses a click.
          retry: 1,
        },
      },
    ],
  },
});
