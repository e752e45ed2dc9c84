import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The dashboard's single-page app, served by the service at /dashboard (src/dashboard/app).
 * Preact through the automatic JSX runtime: no Babel, no plugin.
 */
export default defineConfig({
  root,
  base: '/dashboard/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Every asset is served from the service: nothing inlined as a data: URL the CSP would refuse.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 300,
  },
});
