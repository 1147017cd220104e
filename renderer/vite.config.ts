import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy.ts';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [
    react(),
    {
      name: 'paperdrop-csp',
      transformIndexHtml: (html) => html.replace('__PAPERDROP_CSP__', CONTENT_SECURITY_POLICY),
    },
  ],
  resolve: { alias: { 'node-fetch': fileURLToPath(new URL('./export/browser-fetch.ts', import.meta.url)) } },
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2023',
    modulePreload: { polyfill: false },
    // Served from disk or loopback, never a network: one bundle loads faster than many.
    chunkSizeWarningLimit: 2000,
  },
});
