// Not ported yet from mocks/rules: the helper porting this domain replaces this file.
import type { EntryKind, FlagResponse } from '../../api/contract';
import type { Ctx } from './core';

export function flagEntry(
  _ctx: Ctx,
  _kind: EntryKind,
  _id: string,
  _input: unknown,
): Promise<FlagResponse> {
  throw new Error('not ported yet');
}
