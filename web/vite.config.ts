// Builds the explorer from web/ into web/dist. In development, /api goes to the API server on
// 127.0.0.1:${PORT:-8080}, the same address `npm start` serves it on.
import { defineConfig, loadEnv } from 'vite';

const root = new URL('.', import.meta.url).pathname;
// The app imports the contract it shares with the server from ../contract, outside its root.
const repository = new URL('..', import.meta.url).pathname;

export default defineConfig(({ mode }) => {
  // Reads PORT from the environment (and any .env file) without Node's `process`.
  const port = loadEnv(mode, root, '')['PORT'] ?? '8080';
  return {
    root,
    base: './',
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
