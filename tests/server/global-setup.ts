/**
 * Builds the server bundle once for the test run: the files that start it as a
 * process share it (tests/server/built.ts), rather than each building its own.
 */
import type { TestProject } from 'vitest/node';
import { buildBundle } from './built';

export default async function setup(project: TestProject): Promise<() => void> {
  const built = await buildBundle();
  project.provide('serverBundle', built.bundle);
  return built.remove;
}
