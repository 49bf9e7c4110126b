import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The built map is served by the API server on the same port (npm start). In development
// (npm run dev -w @sozialatlas/client) Vite proxies the API to the server on port 4000.
export default defineConfig({
  plugins: [react()],
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
