// Not ported yet from mocks/rules: the helper porting this domain replaces this file.
import type { Digest } from '../../api/contract';
import type { Ctx } from './core';

export function getDigest(_ctx: Ctx, _slug: string): Promise<Digest> {
  throw new Error('not ported yet');
}
export function updateDigest(_ctx: Ctx, _slug: string, _input: unknown): Promise<Digest> {
  throw new Error('not ported yet');
}
