/**
 * Synthetic long threads for measuring the reader at scale: discussions of 100,
 * 1,000 and 10,000 comments with replies. They exist only when a demo build is
 * opened with `?scenario=long-threads`; never in the seed, never persisted.
 */
import { cook } from './cook';
import type { Store, StoredComment, StoredDiscussion } from './store';

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

function syntheticDiscussion(size: number): StoredDiscussion {
  return {
    slug: syntheticSlug(size),
    title: `Long thread test: ${size.toLocaleString('en')} comments`,
    introduction: `A synthetic discussion of ${size.toLocaleString('en')} comments, generated to measure how the reader behaves at scale.`,
    organiser: 'Agora test scenario',
    partners: [],
    startsOn: '2026-01-01',
    endsOn: '2026-01-31',
    event: null,
    originalUrl: null,
    approvalMode: 'all',
    status: 'open',
    closedAt: null,
    closedReason: null,
    closesAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    campaigns: [],
    digest: { published: false, editorial: '', order: [], resourceIds: [] },
  };
}

/** Every fourth comment is a reply, nesting up to the third level. */
export function syntheticComments(size: number): StoredComment[] {
  const slug = syntheticSlug(size);
  const start = Date.UTC(2026, 0, 1);
  const rendered = PHRASES.map((p) => cook(p, slug));
  const comments: StoredComment[] = [];
  for (let i = 0; i < size; i++) {
    const parent = i % 4 === 3 ? comments[i - 1] : undefined;
    const phrase = i % PHRASES.length;
    const body = `Comment ${i + 1}. ${PHRASES[phrase] ?? ''}`;
    const { html, hashtags } = rendered[phrase] ?? { html: '', hashtags: [] };
    comments.push({
      id: `s${size}-${i + 1}`,
      discussionSlug: slug,
      parentId: parent ? parent.id : null,
      depth: parent ? Math.min(parent.depth + 1, 2) : 0,
      authorId: null,
      authorName: `Participant ${(i % 97) + 1}`,
      authorOrganisation: i % 3 === 0 ? 'Test Network' : null,
      body,
      html: `<p>Comment ${i + 1}.</p>${html}`,
      hashtags,
      status: 'published',
      moderationReason: null,
      featured: false,
      original: false,
      createdAt: new Date(start + i * 60_000).toISOString(),
      editedAt: null,
      revisions: [],
    });
  }
  return comments;
}

export function addLongThreads(store: Store): void {
  for (const size of LONG_THREAD_SIZES) {
    if (store.discussions.some((d) => d.slug === syntheticSlug(size))) continue;
    store.discussions.push(syntheticDiscussion(size));
    store.comments.push(...syntheticComments(size));
  }
}

/** What is saved to localStorage: the store without synthetic threads, which are rebuilt on load. */
export function withoutSynthetic(store: Store): Store {
  const keep = (slug: string) => !slug.startsWith(SYNTHETIC_PREFIX);
  return {
    ...store,
    discussions: store.discussions.filter((d) => keep(d.slug)),
    comments: store.comments.filter((c) => keep(c.discussionSlug)),
    resources: store.resources.filter((r) => keep(r.discussionSlug)),
  };
}
