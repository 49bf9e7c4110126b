import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Ships the trusted-documents list (hash → document, from codegen) with the build, so the server
 * that serves this build knows exactly the operations it sends (TRUSTED_DOCUMENTS, docs/security.md).
 */
function trustedDocuments(): Plugin {
  return {
    name: 'sozialatlas-trusted-documents',
    apply: 'build',
    generateBundle() {
      const source = readFileSync(new URL('./src/generated/persisted-documents.json', import.meta.url), 'utf8');
      this.emitFile({ type: 'asset', fileName: 'trusted-documents.json', source });
    },
  };
}

// The built map is served by the API server on the same port (npm start). In development
// (npm run dev -w @sozialatlas/client) Vite proxies the API to the server on port 4000.
export default defineConfig({
  plugins: [react(), trustedDocuments()],
  server: {
    proxy: { '/graphql': 'http://localhost:4000', '/export': 'http://localhost:4000' },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // the MapLibre chunk alone is ≈ 1.1 MB minified (≈ 310 kB gzip); the app stays far below
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // MapLibre (≈ 3/4 of the JS) in a chunk of its own: it changes less often than the app,
        // so browsers keep it cached across releases of the app code.
        codeSplitting: {
          groups: [{ name: 'maplibre', test: /node_modules[\\/](maplibre-gl|@maplibre|@vis\.gl)[\\/]/ }],
        },
      },
    },
  },
});
