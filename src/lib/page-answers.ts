/**
 * The id of the data block in which the server sends a page the answers to the API reads
 * its script starts first: src/server/node/page-reads.ts writes it, src/api/http.ts reads it.
 */
export const PAGE_ANSWERS_ID = 'agora-page-answers';
