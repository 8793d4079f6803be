// Not ported yet from mocks/rules: the helper porting this domain replaces this file.
import type { Comment } from '../../api/contract';
import type { Ctx } from './core';

export function createComment(_ctx: Ctx, _slug: string, _input: unknown): Promise<Comment> {
  throw new Error('not ported yet');
}
export function updateComment(_ctx: Ctx, _id: string, _input: unknown): Promise<Comment> {
  throw new Error('not ported yet');
}
export function withdrawComment(_ctx: Ctx, _id: string): Promise<void> {
  throw new Error('not ported yet');
}
