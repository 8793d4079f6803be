import type { HttpHandler } from 'msw';

/** Filled in by its issue. */
export const digestHandlers: HttpHandler[] = [];
