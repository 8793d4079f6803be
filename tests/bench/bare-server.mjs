// The yardstick for reads: a bare node:http server that sends the bytes the real server
// sent for a page (status line, the same headers, the same body), answering 304 with
// the page's ETag and Cache-Control when If-None-Match names its ETag, as the real
// server does. It does no other work, so it is the most the machine's Node can serve.
//
//   PORT=… node tests/bench/bare-server.mjs ANSWER.json   ({ headers, body } of the page)
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const answer = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const body = Buffer.from(answer.body);
const headers = { ...answer.headers, 'content-length': String(body.length) };
const etag = headers.etag;
const notModified = { etag, 'cache-control': headers['cache-control'] };

const server = createServer((req, res) => {
  if (req.url === '/healthz') return res.end('ok');
  if (etag && req.headers['if-none-match'] === etag) {
    res.writeHead(304, notModified);
    return res.end();
  }
  res.writeHead(200, headers);
  res.end(body);
});
server.keepAliveTimeout = 5_000;
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
