import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The dashboard: plain TypeScript and SVG, built offline into dist/web (served by `dyad serve`).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // no inline scripts or data: modules, so the strict Content-Security-Policy holds
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: 'es2022',
  },
});
