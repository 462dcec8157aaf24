/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The C++ server serves dist/ at "/" and falls back to index.html for every
// non-/api path, so client-side routes work. In development, `npm run dev`
// proxies the API to a local server (CQPM_API, default http://127.0.0.1:8080).
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No source maps in what is served: they would publish the sources.
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': process.env.CQPM_API ?? 'http://127.0.0.1:8080',
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // The test files share their workers' module registry instead of each importing everything
    // again: 3.6 s against 17 s here for the 44 files. They test functions, and none may leave a
    // global changed (a stubbed fetch, fake timers) without restoring it.
    isolate: false,
  },
});
