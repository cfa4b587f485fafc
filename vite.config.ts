/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const repoDir = fileURLToPath(new URL('.', import.meta.url));
const rendererDir = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer', import.meta.url));

// One build serves both shells: Electron loads it from its own scheme and serve mode over HTTP,
// so paths are absolute from '/' and the router uses the hash (no server-side fallback needed).
export default defineConfig({
  root: rendererDir,
  base: '/',
  plugins: [vue()],
  define: {
    // vue-i18n's bundler flags: composition API only, no devtools in production. JIT message
    // compilation (the default) never uses eval, so the strict CSP holds.
    __VUE_I18N_FULL_INSTALL__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
  build: {
    outDir,
    emptyOutDir: true,
    // Element Plus is one big vendor chunk by nature; the desk loads it from disk or the LAN.
    chunkSizeWarningLimit: 1500,
  },
  server: { strictPort: false },
  // Unit tests of the whole repository are found from the repository root, not the renderer's.
  test: {
    root: repoDir,
    exclude: ['**/node_modules/**', '**/.git/**', 'dist/**', 'tests/e2e/**'],
  },
});
