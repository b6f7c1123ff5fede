// One Vite build for every page (DESIGN §1: the server serves the built pages). Each page is its
// own entry, so the wallet's bundle carries antd-mobile and never the console's antd.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const web = fileURLToPath(new URL('./web/', import.meta.url));
export const pageEntries = ['wallet', 'verify', 'staff', 'admin'] as const;

export default defineConfig({
  root: web,
  base: '/',
  plugins: [react()],
  // Nothing from outside the repository at run time: no CDN, no remote fonts.
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    // The console's antd chunk is ~510 kB minified (~160 kB gzip), loaded by the staff pages only.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      input: {
        index: `${web}index.html`,
        ...Object.fromEntries(pageEntries.map((p) => [p, `${web}${p}/index.html`])),
      },
      output: {
        // Named chunks, so a page's HTML says what it loads: the console's antd lives in `console-*`,
        // which the wallet and the verifier page never load (test/web/web-pages.int.test.ts).
        // Left to itself the bundler names shared chunks after a module in them (`format-*`).
        // Without `includeDependenciesRecursively: false` a group swallows what its modules import
        // (react, shared helpers), and every page would load the console's chunk.
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [
            { name: 'console', test: /node_modules[\\/](antd|@ant-design)[\\/]/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
          ],
        },
      },
    },
  },
});
