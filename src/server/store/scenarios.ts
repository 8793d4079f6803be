/**
 * Synthetic long threads for measuring the reader at scale: discussions of 100,
 * 1,000 and 10,000 comments with replies. They exist only when a demo build is
 * opened with `?scenario=long-threads`, and in the tests that ask for them.
 */
import type { Render } from '../backend';
import type { Tx } from '../rules/core';
import { insertComments, threadKey } from './comments';
import { findDiscussionRow, insertDiscussion } from './discussions';
import type { CommentRow } from './schema';

export const LONG_THREAD_SIZES = [100, 1_000, 10_000] as const;
export const SYNTHETIC_PREFIX = 'synthetic-';

export const syntheticSlug = (size: number) => `${SYNTHETIC_PREFIX}${size}`;

const PHRASES = [
  'Offline organising is what turns a trending #hashtag into a policy change.',
  'In our network, **local radio** reached more women than any platform did.',
  'We trained volunteers to document online harassment and report it together.',
  'Translation matters: campaigns in _local languages_ travel much further.',
  'Here is the toolkit we used last year: https://example.org/toolkit',
  'Safety first — many activists need pseudonymous accounts to speak at all.',
];

/** Rows inserted per statement: well under every engine's limit on bound values. */
const CHUNK = 500;

async function addDiscussion(tx: Tx, size: number): Promise<void> {
  await insertDiscussion(tx, {
    slug: syntheticSlug(size),
    title: `Long thread test: ${size.toLocaleString('en')} comments`,
    introduction: `A synthetic discussion of ${size.toLocaleString('en')} comments, generated to measure how the reader behaves at scale.`,
    organiser: 'Agora test scenario',
    partners: '[]',
    starts_on: '2026-01-01',
    ends_on: '2026-01-31',
    event: null,
    original_url: null,
    approval_mode: 'all',
    status: 'open',
    closed_at: null,
    closed_reason: null,
    closes_at: null,
    created_at: '2026-01-01T00:00:00.000Z',
    campaigns: '[]',
    digest_published: 0,
    digest_editorial: '',
    digest_order: '[]',
    digest_resource_ids: '[]',
    published_comments: size,
    published_resources: 0,
  });
}

/** Every fourth comment is a reply, nesting up to the third level. */
export function syntheticComments(size: number, cook: Render): CommentRow[] {
  const slug = syntheticSlug(size);
  const start = Date.UTC(2026, 0, 1);
  const rendered = PHRASES.map((p) => cook(p, slug));
  const comments: CommentRow[] = [];
  for (let i = 0; i < size; i++) {
    const parent = i % 4 === 3 ? comments[i - 1] : undefined;
    const phrase = i % PHRASES.length;
    const { html, hashtags } = rendered[phrase] ?? { html: '', hashtags: [] };
    const createdAt = new Date(start + i * 60_000).toISOString();
    comments.push({
      id: `s${size}-${i + 1}`,
      discussion_slug: slug,
      parent_id: parent ? parent.id : null,
      depth: parent ? Math.min(parent.depth + 1, 2) : 0,
      thread_key: threadKey(parent ? parent.thread_key : null, createdAt),
      author_id: null,
      author_name: `Participant ${(i % 97) + 1}`,
      author_organisation: i % 3 === 0 ? 'Test Network' : null,
      body: `Comment ${i + 1}. ${PHRASES[phrase] ?? ''}`,
      html: `<p>Comment ${i + 1}.</p>${html}`,
      hashtags: JSON.stringify(hashtags),
      status: 'published',
      moderation_reason: null,
      featured: 0,
      original: 0,
      created_at: createdAt,
      edited_at: null,
    });
  }
  return comments;
}

/** Adds the synthetic discussions (of `sizes`) that are not there yet, in one transaction. */
export async function addLongThreads(
  db: Tx,
  cook: Render,
  sizes: readonly number[] = LONG_THREAD_SIZES,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    for (const size of sizes) {
      if (await findDiscussionRow(tx, syntheticSlug(size))) continue;
      await addDiscussion(tx, size);
      const comments = syntheticComments(size, cook);
      for (let at = 0; at < comments.length; at += CHUNK) {
        await insertComments(tx, comments.slice(at, at + CHUNK));
      }
    }
  });
}
