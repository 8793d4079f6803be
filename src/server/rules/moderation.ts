// Not ported yet from mocks/rules: the helper porting this domain replaces this file.
import type {
  BatchDecisionResponse,
  DecisionResponse,
  LogResponse,
  QueueResponse,
} from '../../api/contract';
import type { Ctx } from './core';

export function getQueue(_ctx: Ctx, _query: unknown): Promise<QueueResponse> {
  throw new Error('not ported yet');
}
export function decide(_ctx: Ctx, _input: unknown): Promise<DecisionResponse> {
  throw new Error('not ported yet');
}
export function decideBatch(_ctx: Ctx, _input: unknown): Promise<BatchDecisionResponse> {
  throw new Error('not ported yet');
}
export function getLog(_ctx: Ctx, _query: unknown): Promise<LogResponse> {
  throw new Error('not ported yet');
}
