/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_MOCK_API: 'true' | 'false';
  /** Where a production build finds the backend; `/api` on its own origin by default. */
  readonly VITE_API_BASE?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
