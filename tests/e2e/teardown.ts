import { rm } from 'node:fs/promises';

/** Removes the server project's database folder, made by the config for this run. */
export default async function teardown(): Promise<void> {
  const dir = process.env.AGORA_E2E_DATA_DIR;
  if (dir) await rm(dir, { recursive: true, force: true });
}
