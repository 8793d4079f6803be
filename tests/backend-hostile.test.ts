/**
 * The hostile-input cases (tests/hostile/suite.ts) against the in-page backend
 * that the app's tests and the demo run, through MSW.
 */
import { memory } from '../mocks/node';
import { hostileSuite } from './hostile/suite';
import { LEFT_BEHIND } from '../src/server/store/transfer';
import { ORIGIN, dumpTables, testDb } from './support';

let kept: Uint8Array = new Uint8Array();

hostileSuite(
  () => ({
    origin: ORIGIN,
    headers: {},
    keep: () => {
      kept = memory.engine().snapshot();
    },
    // The app's setup (tests/setup.ts) swaps in the seeded database after every test.
    restore: () => memory.load(kept),
    dump: async () => ({
      rows: await dumpTables(),
      counters: JSON.stringify(
        await Promise.all(
          LEFT_BEHIND.map((table) => testDb().selectFrom(table).selectAll().execute()),
        ),
      ),
    }),
  }),
  { demo: true },
);
