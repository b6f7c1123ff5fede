// One Vite build for every page (DESIGN §1: the server serves the built pages). Each page is its
// own entry, so the wallet's bundle carries antd-mobile and never the console's antd.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompressAssets } from './scripts/vite-precompress-assets.ts';

const web = fileURLToPath(new URL('./web/', import.meta.url));
export const pageEntries = ['wallet', 'verify', 'staff', 'admin'] as const;

export default defineConfig({
  root: web,
  base: '/',
  plugins: [react(), precompressAssets()],
  // Nothing from outside the repository at run time: no CDN, no remote fonts.
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    rolldownOptions: {
      input: {
        index: `${web}index.html`,
        ...Object.fromEntries(pageEntries.map((p) => [p, `${web}${p}/index.html`])),
      },
    },
  },
});
