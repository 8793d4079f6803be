/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `vite` (dev) and `--mode demo` run the mock backend in the page; a plain
// `vite build` leaves every mock module out and talks to /api on its own origin.
export default defineConfig(({ mode }) => ({
  plugins: [react()],
  define: {
    'import.meta.env.VITE_MOCK_API': JSON.stringify(
      process.env.VITE_MOCK_API ??
        (mode === 'development' || mode === 'demo' || mode === 'test' ? 'true' : 'false'),
    ),
  },
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  server: { port: 5173 },
  preview: { port: 4173 },
  test: {
    environment: 'jsdom',
    setupFiles: ['./tests/setup.ts'],
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**'],
    restoreMocks: true,
  },
}));
