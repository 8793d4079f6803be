/** The demo build's seeded database, by address; null in dev (vite.config.ts, `demoSeed`). */
declare module 'virtual:agora-demo-seed' {
  const url: string | null;
  export default url;
}
