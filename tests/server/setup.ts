import { afterEach } from 'vitest';
import { cleanUp } from './harness';

// A setup file runs for each test file, where the harness, shared by the files of a
// worker, runs once: each file's tests stop what they started.
afterEach(cleanUp);
