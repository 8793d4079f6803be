/**
 * The hostile-input cases (tests/hostile/suite.ts) against the in-page backend
 * that the app's tests and the demo run, through MSW.
 */
import { memory } from '../mocks/node';
import { hostileSuite } from './hostile/suite';
import { ORIGIN, dumpTables } from './support';

let kept: Uint8Array = new Uint8Array();

hostileSuite(
  () => ({
    origin: ORIGIN,
    headers: {},
    keep: () => {
      kept = memory.engine().snapshot();
    },
    restore: () => memory.load(kept),
    dump: dumpTables,
  }),
  { demo: true },
);
