// Not ported yet from mocks/rules: the helper porting this domain replaces this file.
import type { CommentPage } from '../../api/contract';
import type { Ctx } from './core';

export function listComments(_ctx: Ctx, _slug: string, _query: unknown): Promise<CommentPage> {
  throw new Error('listComments is not ported yet');
}
