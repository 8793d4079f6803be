/**
 * A fresh PostgreSQL database for a test, dropped after it. The server tests
 * run on both engines in CI, where .ci/run starts PostgreSQL: when it does not
 * answer, a test fails and says so, rather than passing without it.
 */
import pg from 'pg';

/** The PostgreSQL server the tests create their databases on. */
export const POSTGRES_SERVER =
  process.env.AGORA_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    connectionString: POSTGRES_SERVER,
    connectionTimeoutMillis: 5000,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(
      `PostgreSQL does not answer at ${POSTGRES_SERVER} (${why}). The server tests run on it too: ` +
        'start it (.ci/run does; here `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`), ' +
        'or set AGORA_TEST_POSTGRES to a server where the tests may create databases.',
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new empty database; its URL, and how to drop it (connections still open are ended). */
export async function createPostgresDatabase(): Promise<{
  url: string;
  drop: () => Promise<void>;
}> {
  const name = `agora_test_${crypto.randomUUID().replaceAll('-', '').slice(0, 20)}`;
  // A locale whose order is not the bytes' (as a server's default often is), so
  // that anything leaning on byte order shows up here rather than in production.
  await admin(async (client) => {
    await client.query(
      `create database ${name} template template0 encoding 'UTF8' locale_provider icu icu_locale 'en' locale 'C.UTF-8'`,
    );
    // A commit need not wait for the disk here: a test's database outlives no crash of
    // PostgreSQL, and thousands of commits a run each waited for a sync.
    await client.query(`alter database ${name} set synchronous_commit = off`);
  });
  const url = new URL(POSTGRES_SERVER);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: async () => {
      await admin((client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}
