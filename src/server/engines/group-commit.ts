/**
 * Group commit for one SQLite file. Every answered write must be on disk, and
 * with `synchronous = FULL` each commit waits for the disk; one request a commit
 * caps the forum at what the disk syncs a second, whatever the CPU could do.
 * Here the writes that arrive while one batch works wait for the next, and each
 * batch is one transaction holding each request in a savepoint of its own: a
 * request that is refused rolls back to its savepoint and changes nothing, the
 * others go on, and all are answered only once the batch has committed.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../store/schema';
import type { Tx } from '../rules/core';

/** Most requests in one commit: a bound on how long the last of them waits. */
const MAX_BATCH = 64;

interface Job {
  work: (tx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export function groupCommit(db: Kysely<DB>): <T>(work: (tx: Tx) => Promise<T>) => Promise<T> {
  const waiting: Job[] = [];
  let draining = false;

  async function runBatch(batch: Job[]): Promise<void> {
    const trx = await db.startTransaction().execute();
    const outcomes: Outcome[] = [];
    try {
      for (const job of batch) {
        const point = await trx.savepoint('request').execute();
        try {
          outcomes.push({ ok: true, value: await job.work(point) });
          await point.releaseSavepoint('request').execute();
        } catch (error) {
          outcomes.push({ ok: false, error });
          await point.rollbackToSavepoint('request').execute();
          await point.releaseSavepoint('request').execute();
        }
      }
      await trx.commit().execute();
    } catch (error) {
      // The transaction itself failed: nothing of the batch was written, and each says so.
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
      for (const job of batch) job.reject(error);
      return;
    }
    batch.forEach((job, i) => {
      const outcome = outcomes[i] as Outcome;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
  }

  async function drain(): Promise<void> {
    try {
      while (waiting.length > 0) await runBatch(waiting.splice(0, MAX_BATCH));
    } finally {
      draining = false;
    }
  }

  return <T>(work: (tx: Tx) => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (draining) return;
      draining = true;
      // SQLite answers synchronously, so a batch runs to its commit without giving the
      // event loop a turn: start it on the next turn, once the requests already read
      // from their sockets have had theirs and joined it.
      setImmediate(() => void drain());
    });
}
