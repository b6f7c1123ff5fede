// `npm start` on a fresh clone: the web pages are built once (vite, ~5 s) when web/dist is missing,
// so /wallet, /verify, /staff and /admin answer at once. A build is a separate process: the server
// never loads the bundler.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { webDist } from '../http/plugins/web-pages.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

export function webPagesBuilt(): boolean {
  return existsSync(`${webDist}index.html`);
}

/** Runs `vite build` (what `npm run build:web` runs); throws when it fails. */
export function buildWebPages(): void {
  const vite = `${root}node_modules/vite/bin/vite.js`;
  if (!existsSync(vite)) {
    throw new Error(
      'the web pages are not built and vite is not installed: run npm install, then npm run build:web',
    );
  }
  const run = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (run.status !== 0) throw new Error(`building the web pages failed (vite exited with ${run.status})`);
}
