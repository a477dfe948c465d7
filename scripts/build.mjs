// Builds what is missing or stale: TypeScript packages incrementally, the web bundle when its sources changed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of fs.readdirSync(p)) max = Math.max(max, newestMtime(path.join(p, e)));
  return max;
}

export function ensureBuilt({ quiet = false } = {}) {
  const log = (m) => quiet || console.log(m);
  execFileSync(bin('tsc'), ['-b', 'packages/core', 'packages/server'], { cwd: root, stdio: 'inherit' });
  const web = path.join(root, 'packages/web');
  const built = path.join(web, 'dist/index.html');
  const sources = Math.max(
    newestMtime(path.join(web, 'src')), newestMtime(path.join(web, 'index.html')), newestMtime(path.join(web, 'vite.config.ts')),
    newestMtime(path.join(root, 'packages/core/src')),
  );
  if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < sources) {
    log('Đang dựng giao diện web (vite build)…');
    execFileSync(bin('vite'), ['build', '--logLevel', 'warn'], { cwd: web, stdio: 'inherit' });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) ensureBuilt();
