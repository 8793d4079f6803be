import { describe, expect, it } from 'vitest';
import { findCommentRow } from '../../src/server/store/comments';
import { changeStatus } from '../../src/server/store/entries';
import { createMemoryBackend } from '../../src/server/memory';

describe('an entry’s status change', () => {
  it('names the version the moderator read: a comment edited since is not published', async () => {
    const { backend } = await createMemoryBackend();
    const db = backend.db();
    const read = await findCommentRow(db, 'c-original-1');
    if (!read) throw new Error('The seed has no c-original-1.');
    await db.updateTable('comments').set({ status: 'pending' }).where('id', '=', read.id).execute();
    // The author's edit, committed between the moderator's read and the decision.
    const editedAt = new Date(Date.parse(read.created_at) + 60_000).toISOString();
    await db
      .updateTable('comments')
      .set({ body: 'Spam spam spam', edited_at: editedAt })
      .where('id', '=', read.id)
      .execute();

    const seen = read.edited_at ?? read.created_at;
    expect(await changeStatus(db, 'comment', read.id, 'pending', 'published', null, seen)).toBe(
      false,
    );
    expect((await findCommentRow(db, read.id))?.status).toBe('pending');
    expect(await changeStatus(db, 'comment', read.id, 'pending', 'published', null, editedAt)).toBe(
      true,
    );
    expect((await findCommentRow(db, read.id))?.status).toBe('published');
  });
});
