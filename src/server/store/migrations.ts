/**
 * Numbered migrations; a landed one never changes, a change is a new one.
 * Written with Kysely's schema builder so that SQLite and PostgreSQL share them;
 * where the dialects differ, `ctx.dialect` picks the branch.
 */
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { DB } from './schema';

export type Dialect = 'sqlite' | 'postgres';

type Db = Kysely<unknown>;

const initial = (dialect: Dialect): Migration => ({
  async up(db: Db) {
    const serial = dialect === 'postgres' ? 'serial' : 'integer';
    // Text compares byte by byte on both, as SQLite's BINARY does: thread keys,
    // their range bounds and every tie-break order alike, whatever locale the
    // PostgreSQL database was created with.
    const text = dialect === 'postgres' ? sql`text collate "C"` : 'text';
    await db.schema
      .createTable('users')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('email', text, (c) => c.notNull().unique())
      .addColumn('password_hash', text, (c) => c.notNull())
      .addColumn('display_name', text, (c) => c.notNull())
      .addColumn('organisation', text)
      .addColumn('role', text, (c) => c.notNull())
      .addColumn('created_at', text, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('sessions')
      .addColumn('token_hash', text, (c) => c.primaryKey())
      .addColumn('user_id', text, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

    await db.schema
      .createTable('discussions')
      .addColumn('slug', text, (c) => c.primaryKey())
      .addColumn('title', text, (c) => c.notNull())
      .addColumn('introduction', text, (c) => c.notNull())
      .addColumn('organiser', text, (c) => c.notNull())
      .addColumn('partners', text, (c) => c.notNull())
      .addColumn('starts_on', text, (c) => c.notNull())
      .addColumn('ends_on', text, (c) => c.notNull())
      .addColumn('event', text)
      .addColumn('original_url', text)
      .addColumn('approval_mode', text, (c) => c.notNull())
      .addColumn('status', text, (c) => c.notNull())
      .addColumn('closed_at', text)
      .addColumn('closed_reason', text)
      .addColumn('closes_at', text)
      .addColumn('created_at', text, (c) => c.notNull())
      .addColumn('campaigns', text, (c) => c.notNull())
      .addColumn('digest_published', 'integer', (c) => c.notNull())
      .addColumn('digest_editorial', text, (c) => c.notNull())
      .addColumn('digest_order', text, (c) => c.notNull())
      .addColumn('digest_resource_ids', text, (c) => c.notNull())
      .addColumn('published_comments', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('published_resources', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    await db.schema
      .createTable('comments')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('discussion_slug', text, (c) => c.notNull().references('discussions.slug'))
      .addColumn('parent_id', text)
      .addColumn('depth', 'integer', (c) => c.notNull())
      .addColumn('thread_key', text, (c) => c.notNull())
      .addColumn('author_id', text)
      .addColumn('author_name', text, (c) => c.notNull())
      .addColumn('author_organisation', text)
      .addColumn('body', text, (c) => c.notNull())
      .addColumn('html', text, (c) => c.notNull())
      .addColumn('hashtags', text, (c) => c.notNull())
      .addColumn('status', text, (c) => c.notNull())
      .addColumn('moderation_reason', text)
      .addColumn('featured', 'integer', (c) => c.notNull())
      .addColumn('original', 'integer', (c) => c.notNull())
      .addColumn('created_at', text, (c) => c.notNull())
      .addColumn('edited_at', text)
      .execute();
    await db.schema
      .createIndex('comments_thread')
      .on('comments')
      .columns(['discussion_slug', 'thread_key'])
      .unique()
      .execute();
    await db.schema
      .createIndex('comments_status')
      .on('comments')
      .columns(['status', 'created_at'])
      .execute();
    await db.schema
      .createIndex('comments_discussion_status')
      .on('comments')
      .columns(['discussion_slug', 'status'])
      .execute();
    await db.schema.createIndex('comments_author').on('comments').column('author_id').execute();

    await db.schema
      .createTable('comment_tags')
      .addColumn('comment_id', text, (c) =>
        c.notNull().references('comments.id').onDelete('cascade'),
      )
      .addColumn('discussion_slug', text, (c) => c.notNull())
      .addColumn('tag', text, (c) => c.notNull())
      .addColumn('label', text, (c) => c.notNull())
      .addPrimaryKeyConstraint('comment_tags_pk', ['comment_id', 'tag'])
      .execute();
    await db.schema
      .createIndex('comment_tags_discussion')
      .on('comment_tags')
      .columns(['discussion_slug', 'tag'])
      .execute();

    await db.schema
      .createTable('revisions')
      .addColumn('id', serial, (c) =>
        dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
      )
      .addColumn('comment_id', text, (c) =>
        c.notNull().references('comments.id').onDelete('cascade'),
      )
      .addColumn('body', text, (c) => c.notNull())
      .addColumn('edited_at', text, (c) => c.notNull())
      .addColumn('edited_by', text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('revisions_comment').on('revisions').column('comment_id').execute();

    await db.schema
      .createTable('resources')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('discussion_slug', text, (c) => c.notNull().references('discussions.slug'))
      .addColumn('url', text)
      .addColumn('title', text, (c) => c.notNull())
      .addColumn('kind', text, (c) => c.notNull())
      .addColumn('description', text, (c) => c.notNull())
      .addColumn('author_id', text)
      .addColumn('author_name', text)
      .addColumn('author_organisation', text)
      .addColumn('status', text, (c) => c.notNull())
      .addColumn('moderation_reason', text)
      .addColumn('original', 'integer', (c) => c.notNull())
      .addColumn('created_at', text, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('resources_discussion')
      .on('resources')
      .columns(['discussion_slug', 'created_at'])
      .execute();
    await db.schema
      .createIndex('resources_status')
      .on('resources')
      .columns(['status', 'created_at'])
      .execute();
    await db.schema
      .createIndex('resources_url')
      .on('resources')
      .columns(['discussion_slug', 'url'])
      .execute();
    await db.schema.createIndex('resources_author').on('resources').column('author_id').execute();

    await db.schema
      .createTable('flags')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('kind', text, (c) => c.notNull())
      .addColumn('target_id', text, (c) => c.notNull())
      .addColumn('user_id', text, (c) => c.notNull())
      .addColumn('reason', text, (c) => c.notNull())
      .addColumn('note', text, (c) => c.notNull())
      .addColumn('created_at', text, (c) => c.notNull())
      .addColumn('open', 'integer', (c) => c.notNull())
      .addUniqueConstraint('flags_once', ['kind', 'target_id', 'user_id'])
      .execute();
    await db.schema
      .createIndex('flags_open')
      .on('flags')
      .columns(['open', 'kind', 'target_id'])
      .execute();

    await db.schema
      .createTable('moderation_log')
      .addColumn('seq', serial, (c) =>
        dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
      )
      .addColumn('id', text, (c) => c.notNull().unique())
      .addColumn('at', text, (c) => c.notNull())
      .addColumn('moderator_id', text, (c) => c.notNull())
      .addColumn('moderator_name', text, (c) => c.notNull())
      .addColumn('action', text, (c) => c.notNull())
      .addColumn('kind', text, (c) => c.notNull())
      .addColumn('target_id', text, (c) => c.notNull())
      .addColumn('discussion_slug', text, (c) => c.notNull())
      .addColumn('reason', text)
      .execute();
    // The log's filters and the list of moderators read it newest first by seq.
    await db.schema
      .createIndex('moderation_log_discussion')
      .on('moderation_log')
      .columns(['discussion_slug', 'seq'])
      .execute();
    await db.schema
      .createIndex('moderation_log_moderator')
      .on('moderation_log')
      .columns(['moderator_id', 'seq'])
      .execute();

    await db.schema
      .createTable('idempotency')
      .addColumn('user_id', text, (c) => c.notNull())
      .addColumn('key', text, (c) => c.notNull())
      .addColumn('status', 'integer', (c) => c.notNull())
      .addColumn('body', text, (c) => c.notNull())
      .addColumn('created_at', text, (c) => c.notNull())
      .addPrimaryKeyConstraint('idempotency_pk', ['user_id', 'key'])
      .execute();
    await db.schema
      .createIndex('idempotency_created')
      .on('idempotency')
      .column('created_at')
      .execute();
  },
});

/** People: suspension, and one-time password reset links (only their hashes). */
const people = (dialect: Dialect): Migration => ({
  async up(db: Db) {
    const text = dialect === 'postgres' ? sql`text collate "C"` : 'text';
    await db.schema.alterTable('users').addColumn('suspended_at', text).execute();
    await db.schema
      .createTable('password_resets')
      .addColumn('token_hash', text, (c) => c.primaryKey())
      .addColumn('user_id', text, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', text, (c) => c.notNull())
      .addColumn('expires_at', text, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('password_resets_user')
      .on('password_resets')
      .column('user_id')
      .execute();
  },
});

/** Security: each session's last use, for its idle expiry. */
const security = (dialect: Dialect): Migration => ({
  async up(db: Db) {
    const text = dialect === 'postgres' ? sql`text collate "C"` : 'text';
    await db.schema.alterTable('sessions').addColumn('last_seen_at', text).execute();
  },
});

/** Abuse: rate limit counters shared by every server, and idempotency keys bound to their request. */
const limits = (dialect: Dialect): Migration => ({
  async up(db: Db) {
    const text = dialect === 'postgres' ? sql`text collate "C"` : 'text';
    await db.schema
      .createTable('rate_limits')
      .addColumn('bucket', text, (c) => c.notNull())
      .addColumn('subject', text, (c) => c.notNull())
      .addColumn('window_start', text, (c) => c.notNull())
      .addColumn('hits', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('rate_limits_pk', ['bucket', 'subject', 'window_start'])
      .execute();
    await db.schema
      .createIndex('rate_limits_window')
      .on('rate_limits')
      .columns(['bucket', 'window_start'])
      .execute();
    await db.schema.alterTable('idempotency').addColumn('request_hash', text).execute();
  },
});

/**
 * One resource per address per discussion, as long as it holds the address
 * (waiting, published or hidden): the rule checks first, and this index decides
 * between two servers sharing the same address at once. A rejected or withdrawn
 * one never comes back, so it leaves the address free.
 */
const oneResourcePerAddress = (): Migration => ({
  async up(db: Db) {
    await db.schema
      .createIndex('resources_url_once')
      .on('resources')
      .columns(['discussion_slug', 'url'])
      .unique()
      .where(sql.ref('status'), 'in', ['pending', 'published', 'hidden'])
      .execute();
  },
});

/**
 * Live updates: every change a stream may tell of, written in the change's own
 * transaction, in commit order (the id), kept for a day so that a client that
 * reconnects gets what it missed.
 */
const events = (dialect: Dialect): Migration => ({
  async up(db: Db) {
    const text = dialect === 'postgres' ? sql`text collate "C"` : 'text';
    await db.schema
      .createTable('events')
      .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
        dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
      )
      .addColumn('at', text, (c) => c.notNull())
      .addColumn('discussion_slug', text)
      .addColumn('audience', text, (c) => c.notNull())
      .addColumn('user_id', text)
      .addColumn('data', text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('events_at').on('events').column('at').execute();
  },
});

/**
 * Notifications: what each person is told (written in the transaction of what
 * caused it), what they follow or stopped following, and how they want email.
 * `emailed_at` marks a notification once it is taken for an email, so none goes twice.
 */
const notifications = (dialect: Dialect): Migration => ({
  async up(db: Db) {
    const text = dialect === 'postgres' ? sql`text collate "C"` : 'text';
    await db.schema
      .createTable('notifications')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('user_id', text, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('kind', text, (c) => c.notNull())
      .addColumn('entry_kind', text, (c) => c.notNull())
      .addColumn('entry_id', text, (c) => c.notNull())
      .addColumn('discussion_slug', text, (c) => c.notNull())
      .addColumn('reason', text)
      .addColumn('created_at', text, (c) => c.notNull())
      .addColumn('read_at', text)
      .addColumn('emailed_at', text)
      .execute();
    // A person's list, newest first, and their unread count.
    await db.schema
      .createIndex('notifications_user')
      .on('notifications')
      .columns(['user_id', 'created_at', 'id'])
      .execute();
    await db.schema
      .createIndex('notifications_entry')
      .on('notifications')
      .columns(['entry_id'])
      .execute();

    await db.schema
      .createTable('follows')
      .addColumn('user_id', text, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('target_kind', text, (c) => c.notNull())
      .addColumn('target_id', text, (c) => c.notNull())
      .addColumn('discussion_slug', text, (c) => c.notNull())
      .addColumn('following', 'integer', (c) => c.notNull())
      .addColumn('created_at', text, (c) => c.notNull())
      .addPrimaryKeyConstraint('follows_pk', ['user_id', 'target_kind', 'target_id'])
      .execute();
    await db.schema
      .createIndex('follows_target')
      .on('follows')
      .columns(['target_kind', 'target_id'])
      .execute();

    await db.schema
      .createTable('notification_settings')
      .addColumn('user_id', text, (c) => c.primaryKey().references('users.id').onDelete('cascade'))
      .addColumn('email', text, (c) => c.notNull())
      .addColumn('last_digest_at', text)
      .execute();
  },
});

/** The PostgreSQL index's expression; a query must repeat it word for word to use the index. */
export const SEARCH_VECTOR =
  "to_tsvector('simple'::regconfig, body) || array_to_tsvector(array['#' || discussion_slug])";

/**
 * Finding words: published comments only, so that no search can find what its
 * reader may not see and the index holds no more than it must.
 *
 * SQLite: an FTS4 table (the in-page build of sql.js has FTS3/4, not FTS5), kept
 * in step by triggers on every write to a comment, so no code path can forget
 * it; the discussion is a token of its own column, so a search reads only that
 * discussion's postings. Its rows are numbered by a table of their own with an
 * INTEGER PRIMARY KEY, because VACUUM (and so `npm run backup`) may renumber the
 * comments' implicit rowids.
 *
 * PostgreSQL: a GIN index over an expression (no stored column, which exports
 * would carry as data), of the body's words with the 'simple' configuration
 * (no stemming, no stop words: the forum's participants write in many
 * languages, and SQLite's tokenizer does not stem either) and one lexeme
 * `#slug` that no searched word can spell.
 */
const search = (dialect: Dialect): Migration => ({
  async up(db: Db) {
    if (dialect === 'postgres') {
      await sql`create index comments_search on comments using gin ((${sql.raw(SEARCH_VECTOR)})) where status = 'published'`.execute(
        db,
      );
      return;
    }
    const token = `'d' || lower(hex(new.discussion_slug))`;
    const statements = [
      `create table comment_search_docs (docid integer primary key, comment_id text not null unique)`,
      `create virtual table comment_search using fts4(discussion, body, tokenize=unicode61)`,
      `insert into comment_search_docs (comment_id)
        select id from comments where status = 'published' order by created_at, id`,
      `insert into comment_search (docid, discussion, body)
        select d.docid, 'd' || lower(hex(c.discussion_slug)), c.body
        from comment_search_docs d join comments c on c.id = d.comment_id`,
      `create trigger comment_search_insert after insert on comments
        when new.status = 'published' begin
          insert into comment_search_docs (comment_id) values (new.id);
          insert into comment_search (docid, discussion, body)
            select docid, ${token}, new.body from comment_search_docs where comment_id = new.id;
        end`,
      `create trigger comment_search_update after update of body, status on comments
        when old.status = 'published' or new.status = 'published' begin
          delete from comment_search
            where docid = (select docid from comment_search_docs where comment_id = old.id);
          delete from comment_search_docs where comment_id = old.id;
          insert into comment_search_docs (comment_id) select new.id where new.status = 'published';
          insert into comment_search (docid, discussion, body)
            select docid, ${token}, new.body from comment_search_docs where comment_id = new.id;
        end`,
      `create trigger comment_search_delete after delete on comments
        when old.status = 'published' begin
          delete from comment_search
            where docid = (select docid from comment_search_docs where comment_id = old.id);
          delete from comment_search_docs where comment_id = old.id;
        end`,
    ];
    for (const statement of statements) await sql.raw(statement).execute(db);
  },
});

function provider(dialect: Dialect): MigrationProvider {
  return {
    getMigrations: () =>
      Promise.resolve({
        '001-initial': initial(dialect),
        '002-people': people(dialect),
        '003-security': security(dialect),
        '004-limits': limits(dialect),
        '005-one-resource-per-address': oneResourcePerAddress(),
        '006-events': events(dialect),
        '007-notifications': notifications(dialect),
        '008-search': search(dialect),
      }),
  };
}

/** Brings the schema up to date; throws with the failing migration's error. */
export async function migrate(db: Kysely<DB>, dialect: Dialect): Promise<void> {
  const migrator = new Migrator({ db, provider: provider(dialect) });
  const { error } = await migrator.migrateToLatest();
  if (error instanceof Error) throw error;
  if (error !== undefined) throw new Error('A migration failed.');
}
