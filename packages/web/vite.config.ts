import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const coreSrc = fileURLToPath(new URL('../core/src/index.ts', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Core is compiled for Node with ".js" suffixes; pointing at its sources keeps the web
    // build independent of the core build order (Vite maps "./x.js" to "./x.ts" for TS importers).
    alias: { '@pcd/core': coreSrc },
  },
  server: {
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Framework code changes rarely, so it gets long-lived chunks of its own. Ant Design is left to the
        // automatic splitter on purpose: one antd chunk would make the login page load the Tree, Table and
        // DatePicker that only later pages use.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom|@tanstack)[\\/]/, priority: 30 },
            { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
});
