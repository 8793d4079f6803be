/** The demo build's seeded database, by address; null in dev (vite.config.ts, `demoBuildData`). */
declare module 'virtual:agora-demo-seed' {
  const url: string | null;
  export default url;
}
