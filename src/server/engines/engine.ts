import type { Kysely } from 'kysely';
import type { Dialect } from '../store/migrations';
import type { DB } from '../store/schema';

/** A database the backend runs on; only engine modules know which one it is. */
export interface Engine {
  db: Kysely<DB>;
  dialect: Dialect;
  /** A consistent copy into `file` while the database stays in use. */
  backup?: (file: string) => Promise<void>;
  close(): Promise<void>;
}
