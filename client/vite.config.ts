import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The built map is served by the API server on the same port (npm start). In development
// (npm run dev -w @sozialatlas/client) Vite proxies the API to the server on port 4000.
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/graphql': 'http://localhost:4000', '/export': 'http://localhost:4000' },
  },
  build: { outDir: 'dist', sourcemap: true },
});
