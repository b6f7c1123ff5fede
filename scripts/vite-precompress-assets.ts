// A Vite plugin that writes a Brotli (.br) and a gzip (.gz) copy beside each built script, style
// sheet and WebAssembly module, and copies zxing-wasm's reader into the build so it is served (and
// compressed) like the rest. The server sends the copy the browser accepts (@fastify/static's
// preCompressed): the console's first load falls from ~1 MB of JavaScript on the wire to a quarter
// of it, with no gateway in front and no compression work per request. Compressed once, at build,
// at the highest levels, since a build runs once and a page loads millions of times.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(?:js|mjs|css|svg|json|wasm)$/;
const WORTH_IT = 1024; // bytes: below this the headers cost more than compression saves
export const ZXING_WASM = 'wasm/zxing_reader.wasm';
const zxingSource = fileURLToPath(
  new URL('../node_modules/zxing-wasm/dist/reader/zxing_reader.wasm', import.meta.url),
);

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

async function compressBeside(file: string): Promise<void> {
  const bytes = await readFile(file);
  if (bytes.length < WORTH_IT) return;
  const [br, gzipped] = await Promise.all([
    brotli(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
    gz(bytes, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  // A copy that saves nothing would only cost a stat per request.
  if (br.length < bytes.length) await writeFile(`${file}.br`, br);
  if (gzipped.length < bytes.length) await writeFile(`${file}.gz`, gzipped);
}

export function precompressAssets(): Plugin {
  let outDir = '';
  return {
    name: 'juzhu:precompress-assets',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: ZXING_WASM, source: await readFile(zxingSource) });
    },
    async writeBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((name) => COMPRESSIBLE.test(name));
      await Promise.all(files.map((name) => compressBeside(join(outDir, name))));
    },
  };
}
