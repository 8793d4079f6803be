/**
 * Where the backend's HTTP API lives on its origin. On its own, apart from the
 * contract's schemas, so that what only needs the address (the mock backend's
 * bridge) does not load zod with it.
 */
export const API_BASE = '/api';
