/**
 * Fills a new database with the original Wikigender discussion of February 2015,
 * word for word, and (only when asked) the demo accounts with known passwords.
 */
import type { PasswordHasher, Tx } from '../rules/core';
import { insertComment, threadKey } from './comments';
import { insertDiscussion } from './discussions';
import { insertResource } from './resources';
import {
  SEED_SLUG,
  seedAccounts,
  seedCampaigns,
  seedComments,
  seedDiscussion,
  seedResources,
} from './seed-data';
import { findUserByEmail, insertUser } from './users';

const CREATED = '2015-02-01T09:00:00.000Z';

/** True when the original discussion is already there. */
async function seeded(tx: Tx): Promise<boolean> {
  const row = await tx
    .selectFrom('discussions')
    .select('slug')
    .where('slug', '=', SEED_SLUG)
    .executeTakeFirst();
  return row !== undefined;
}

export async function seedDiscussionData(tx: Tx): Promise<void> {
  if (await seeded(tx)) return;
  const commentIds = seedComments.map((_, i) => `c-original-${i + 1}`);
  const resourceIds = seedResources.map((_, i) => `r-original-${i + 1}`);
  await insertDiscussion(tx, {
    slug: seedDiscussion.slug,
    title: seedDiscussion.title,
    introduction: seedDiscussion.introduction,
    organiser: seedDiscussion.organiser,
    partners: JSON.stringify(seedDiscussion.partners),
    starts_on: seedDiscussion.startsOn,
    ends_on: seedDiscussion.endsOn,
    event: JSON.stringify(seedDiscussion.event),
    original_url: seedDiscussion.originalUrl,
    approval_mode: 'all',
    // Open so that every job can be tried on it; moderators can close it.
    status: 'open',
    closed_at: null,
    closed_reason: null,
    closes_at: null,
    created_at: CREATED,
    campaigns: JSON.stringify(seedCampaigns),
    digest_published: 1,
    digest_editorial: '',
    digest_order: JSON.stringify(commentIds),
    digest_resource_ids: JSON.stringify(resourceIds),
    published_comments: seedComments.length,
    published_resources: seedResources.length,
  });
  for (const [i, c] of seedComments.entries()) {
    // The digest records no times: keep its order within the discussion's first day.
    const createdAt = new Date(Date.UTC(2015, 1, 11, 9, i)).toISOString();
    await insertComment(tx, {
      id: commentIds[i] as string,
      discussion_slug: SEED_SLUG,
      parent_id: null,
      depth: 0,
      thread_key: threadKey(null, createdAt),
      author_id: null,
      author_name: c.author,
      author_organisation: c.organisation,
      body: c.body,
      html: c.html,
      hashtags: '[]',
      status: 'published',
      moderation_reason: null,
      featured: 1,
      original: 1,
      created_at: createdAt,
      edited_at: null,
    });
  }
  for (const [i, r] of seedResources.entries()) {
    await insertResource(tx, {
      id: resourceIds[i] as string,
      discussion_slug: SEED_SLUG,
      url: null,
      title: r.title,
      kind: r.kind,
      description: r.description,
      author_id: null,
      author_name: null,
      author_organisation: null,
      status: 'published',
      moderation_reason: null,
      original: 1,
      created_at: new Date(Date.UTC(2015, 1, 11, 10, i)).toISOString(),
    });
  }
}

/** The README's demo accounts, added where missing; only for demos and tests. */
export async function seedDemoAccounts(tx: Tx, passwords: PasswordHasher): Promise<void> {
  for (const a of seedAccounts) {
    if (await findUserByEmail(tx, a.email)) continue;
    await insertUser(tx, {
      id: a.id,
      email: a.email,
      password_hash: await passwords.hash(a.password),
      display_name: a.displayName,
      organisation: a.organisation,
      role: a.role,
      created_at: CREATED,
    });
  }
}
