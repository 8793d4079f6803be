// Not ported yet from mocks/rules: the helper porting this domain replaces this file.
import type { Discussion } from '../../api/contract';
import type { Ctx } from './core';

export function createDiscussion(_ctx: Ctx, _input: unknown): Promise<Discussion> {
  throw new Error('not ported yet');
}
export function updateDiscussion(_ctx: Ctx, _slug: string, _input: unknown): Promise<Discussion> {
  throw new Error('not ported yet');
}
