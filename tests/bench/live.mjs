// Live updates on the built server, against the budgets of issue 11: from a moderator's
// decision to the event reaching a reader's stream, and to the "new comment — show them"
// notice appearing on a reader's page in Chromium (medians of 20), and 1,000 streams open
// on one server: the memory they add, and how long one decision takes to reach them all.
// The streams are read in this process over 127.0.0.1, as anonymous readers of the seeded
// discussion; the decisions approve comments a participant left waiting.
import { mkdtempSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { join } from 'node:path';
import { mark, ms, table } from './format.mjs';
import { loadAverage, waitForQuiet } from './machine.mjs';
import { startAgora } from './server.mjs';
import { signIn } from './server-posts.mjs';
import { memoryMB } from './server-process.mjs';
import { median, round } from './stats.mjs';

export const LIVE_BUDGET = {
  decisionToReaderMs: 1_000,
  decisionToNoticeMs: 1_000,
  streamsRssMB: 100,
  toAllStreamsMs: 2_000,
};
const NOTICE = /new comments? — show them/;
const SLUG = 'advancing-womens-rights-through-social-media';
const SAMPLES = 20;
const STREAMS = 1_000;
const PARTICIPANT = { email: 'amina@example.org', password: 'demo-participant' };

const headers = (cookie) => ({
  'content-type': 'application/json',
  'sec-fetch-site': 'same-origin',
  cookie,
});

async function postWaiting(url, cookie, n) {
  const response = await fetch(`${url}/api/discussions/${SLUG}/comments`, {
    method: 'POST',
    headers: headers(cookie),
    body: JSON.stringify({ body: `A comment for the live bench, number ${n}.` }),
  });
  if (response.status !== 201) throw new Error(`Posting answered ${response.status}`);
  return (await response.json()).id;
}

async function approve(url, cookie, id) {
  const response = await fetch(`${url}/api/moderation/decisions`, {
    method: 'POST',
    headers: headers(cookie),
    body: JSON.stringify({ kind: 'comment', id, action: 'approve', expectedStatus: 'pending' }),
  });
  if (response.status !== 200) throw new Error(`Approving answered ${response.status}`);
}

/** An anonymous reader's stream; `seen(text)` resolves when text containing it has arrived. */
async function openStream(url, signal) {
  const response = await fetch(`${url}/api/events?discussion=${SLUG}`, { signal });
  if (response.status !== 200) throw new Error(`A stream answered ${response.status}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const waiting = new Map();
  let opened;
  const open = new Promise((resolve) => (opened = resolve));
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        if (value.includes(': open')) opened();
        for (const [text, resolve] of waiting) {
          if (value.includes(text)) {
            waiting.delete(text);
            resolve(performance.now());
          }
        }
      }
    } catch {
      // Aborted at the end.
    }
  })();
  await open;
  return { seen: (text) => new Promise((resolve) => waiting.set(text, resolve)) };
}

/**
 * A reader's page in Chromium: for each decision, the time (wall clock, shared with this
 * process) at which the notice appears, seen by a MutationObserver installed before it.
 */
async function noticeLatencies({ url, moderator, participant, launchOptions, samples, log }) {
  const browser = await chromium.launch(launchOptions);
  try {
    const page = await browser.newPage();
    // The page's own stream must be open before the first decision, or it would miss it.
    const streaming = page.waitForResponse((r) => r.url().includes('/api/events'));
    await page.goto(`${url}/discussions/${SLUG}`);
    await streaming;
    const watch = () =>
      page.evaluate((source) => {
        const pattern = new RegExp(source);
        window.__noticeAt = null;
        const look = () =>
          [...document.querySelectorAll('button')].some((b) => pattern.test(b.textContent ?? ''));
        const observer = new MutationObserver(() => {
          if (window.__noticeAt === null && look()) {
            window.__noticeAt = Date.now();
            observer.disconnect();
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      }, NOTICE.source);
    const decide = async (n) => {
      const id = await postWaiting(url, participant, n);
      await watch();
      const sent = Date.now();
      await approve(url, moderator, id);
      await page.waitForFunction(() => window.__noticeAt !== null, null, { timeout: 10_000 });
      const at = await page.evaluate(() => window.__noticeAt);
      // Shown, the notice goes away: the next decision brings a new one.
      await page.getByRole('button', { name: NOTICE }).click();
      await page.getByRole('button', { name: NOTICE }).waitFor({ state: 'detached' });
      return at - sent;
    };
    // The first decision only proves the page's stream is open; it is not counted.
    await decide(1000);
    const latencies = [];
    for (let n = 0; n < samples; n++) latencies.push(await decide(1001 + n));
    log(`live: notices on the page after ${latencies.map(Math.round).join(', ')} ms`);
    return latencies;
  } finally {
    await browser.close();
  }
}

export async function runLiveBench({ build, workDir, launchOptions, log = console.log }) {
  await waitForQuiet({ log, maxWaitS: 90 });
  const dataDir = mkdtempSync(join(workDir, 'live-'));
  const server = await startAgora({
    bundle: build.bundle,
    dataDir,
    logFile: join(workDir, 'live-server.log'),
  });
  const stop = new AbortController();
  try {
    const moderator = await signIn(server.url);
    const participant = await signIn(server.url, PARTICIPANT);

    log(`live: ${SAMPLES} decisions to one reader's stream`);
    const reader = await openStream(server.url, stop.signal);
    const latencies = [];
    for (let n = 0; n < SAMPLES; n++) {
      const id = await postWaiting(server.url, participant, n);
      const arrived = reader.seen(`"id":"${id}","status":"published"`);
      const sent = performance.now();
      await approve(server.url, moderator, id);
      latencies.push((await arrived) - sent);
    }

    log(`live: ${SAMPLES} decisions to the notice on a reader's page in Chromium`);
    const notices = await noticeLatencies({
      url: server.url,
      moderator,
      participant,
      launchOptions,
      samples: SAMPLES,
      log,
    });

    log(`live: ${STREAMS} streams open on one server`);
    const before = memoryMB(server.pid).rss;
    const streams = [];
    for (let i = 0; i < STREAMS; i += 50) {
      const batch = Array.from({ length: Math.min(50, STREAMS - i) }, () =>
        openStream(server.url, stop.signal),
      );
      streams.push(...(await Promise.all(batch)));
    }
    const opened = memoryMB(server.pid).rss;
    const id = await postWaiting(server.url, participant, SAMPLES);
    const arrivals = streams.map((s) => s.seen(`"id":"${id}","status":"published"`));
    const sent = performance.now();
    await approve(server.url, moderator, id);
    const times = await Promise.all(arrivals);
    const toAll = Math.max(...times) - sent;
    const after = memoryMB(server.pid).rss;

    const report = {
      samples: latencies.map((l) => round(l, 1)),
      decisionToReaderMs: round(median(latencies), 1),
      noticeSamples: notices.map((l) => round(l, 0)),
      decisionToNoticeMs: round(median(notices), 0),
      streams: STREAMS,
      rssBeforeMB: round(before, 1),
      rssOpenMB: round(opened, 1),
      rssAfterDecisionMB: round(after, 1),
      streamsRssMB: round(Math.max(opened, after) - before, 1),
      toAllStreamsMs: round(toAll, 1),
      loadAverage: loadAverage(),
    };
    report.within =
      report.decisionToReaderMs <= LIVE_BUDGET.decisionToReaderMs &&
      report.decisionToNoticeMs <= LIVE_BUDGET.decisionToNoticeMs &&
      report.streamsRssMB <= LIVE_BUDGET.streamsRssMB &&
      report.toAllStreamsMs <= LIVE_BUDGET.toAllStreamsMs;
    return report;
  } finally {
    stop.abort();
    await server.stop();
  }
}

export function printLive(report) {
  console.log('\n6. Live updates on the built server (SQLite), against the budgets of issue 11');
  if (report.error) {
    console.log(`✗ ${report.error}`);
    return;
  }
  const b = LIVE_BUDGET;
  console.log(
    table(
      [
        ['', 'measure', 'measured', 'budget'],
        [
          mark(report.decisionToReaderMs <= b.decisionToReaderMs),
          `decision → reader's stream event, median of ${report.samples.length}`,
          ms(report.decisionToReaderMs),
          `≤ ${ms(b.decisionToReaderMs)}`,
        ],
        [
          mark(report.decisionToNoticeMs <= b.decisionToNoticeMs),
          `decision → "new comment — show them" on a reader's page, median of ${report.noticeSamples.length}`,
          ms(report.decisionToNoticeMs),
          `≤ ${ms(b.decisionToNoticeMs)}`,
        ],
        [
          mark(report.streamsRssMB <= b.streamsRssMB),
          `memory added by ${report.streams.toLocaleString('en')} open streams (RSS)`,
          `${report.streamsRssMB} MB`,
          `≤ ${b.streamsRssMB} MB`,
        ],
        [
          mark(report.toAllStreamsMs <= b.toAllStreamsMs),
          `one decision → all ${report.streams.toLocaleString('en')} streams`,
          ms(report.toAllStreamsMs),
          `≤ ${ms(b.toAllStreamsMs)}`,
        ],
      ],
      { right: [2] },
    ),
  );
  console.log(
    `RSS ${report.rssBeforeMB} MB before the streams, ${report.rssOpenMB} MB with them open, ` +
      `${report.rssAfterDecisionMB} MB after the decision; load average ${report.loadAverage.join(' ')}.`,
  );
}
