// Builds the explorer from web/ into web/dist. In development, /api goes to the API server on
// 127.0.0.1:${PORT:-8080}, the same address `npm start` serves it on.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { defineConfig, loadEnv, type Plugin } from 'vite';

const root = new URL('.', import.meta.url).pathname;
// The app imports the contract it shares with the server from ../contract, outside its root.
const repository = new URL('..', import.meta.url).pathname;

/** Files worth sending compressed: text, and larger than a packet. */
const COMPRESSIBLE = /\.(js|css|html|svg|json)$/;
const SMALLEST = 1024;

/**
 * Writes a gzip copy beside every script and text file of the build, which the server sends to a
 * browser that accepts gzip (graph/api/app.ts, serveStatic's `precompressed`): compressed once
 * here rather than on every request. gzip at its best level takes about a second for the whole
 * app; brotli at its best would save another fifth and take over a minute.
 */
function precompress(): Plugin {
  return {
    name: 'guatu-precompress',
    apply: 'build',
    // From the files as written: Vite still rewrites chunks (its preload markers) after every
    // plugin's generateBundle has seen them.
    async writeBundle(options, bundle) {
      const dir = options.dir ?? '.';
      for (const fileName of Object.keys(bundle)) {
        if (!COMPRESSIBLE.test(fileName)) continue;
        const source = await readFile(join(dir, fileName));
        if (source.length < SMALLEST) continue;
        await writeFile(join(dir, `${fileName}.gz`), gzipSync(source, { level: 9 }));
      }
    },
  };
}

export default defineConfig(({ mode }) => {
  // Reads PORT from the environment (and any .env file) without Node's `process`.
  const port = loadEnv(mode, root, '')['PORT'] ?? '8080';
  return {
    root,
    base: './',
    plugins: [precompress()],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2022',
      // The first screen needs Lit and Cytoscape; fcose, the tools and the table view load on
      // demand. The largest chunk is the Cypher editor (CodeMirror and Neo4j's language support,
      // about 1.15 MB), fetched only when the console opens.
      chunkSizeWarningLimit: 1200,
      sourcemap: true,
    },
    server: {
      host: '127.0.0.1',
      // The dev server serves files from the whole repository: web/, contract/, node_modules/.
      fs: { allow: [repository] },
      // The API answers only to the names it serves (graph/api/same-origin.ts): the proxy presents
      // the API's own address as Host.
      proxy: { '/api': { target: `http://127.0.0.1:${port}`, changeOrigin: true } },
    },
  };
});
