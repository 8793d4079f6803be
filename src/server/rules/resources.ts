// Not ported yet from mocks/rules: the helper porting this domain replaces this file.
import type { Resource, ResourceListResponse } from '../../api/contract';
import type { Ctx } from './core';

export function listResources(
  _ctx: Ctx,
  _slug: string,
  _query: unknown,
): Promise<ResourceListResponse> {
  throw new Error('not ported yet');
}
export function createResource(_ctx: Ctx, _slug: string, _input: unknown): Promise<Resource> {
  throw new Error('not ported yet');
}
