// How the reader copes with long threads: the synthetic discussions of 100, 1,000 and
// 10,000 comments (`?scenario=long-threads`), each opened in a fresh browser context.
// Measured inside the page with performance.now(), whose origin is navigation start:
// first comments painted, DOM size and JS heap at rest, the next page of comments,
// and Reply → composer focus. Works whether the next page comes by scrolling near the
// end or only from the "Show more comments" button.
import { chromium } from 'playwright-core';
import { median, round } from './stats.mjs';

export const THREAD_SIZES = [100, 1_000, 10_000];
export const LONG_THREAD_BUDGET = {
  /** The 10,000-comment thread paints its first comments within this × the 100-comment time. */
  firstCommentsRatio: 1.2,
  maxDomNodes: 1_500,
  replyFocusMs: 100,
};

const RUNS = 3;
const READ_COMMENTS = 500;
const VIEWPORT = { width: 1280, height: 720 };
const PARTICIPANT = { email: 'amina@example.org', password: 'demo-participant' };
const MAX_SCROLL_STEPS = 1_500;
const READ_LIMIT_MS = 60_000;
/** How long to wait at the end of the loaded comments for them to load by themselves. */
const AUTO_LOAD_GRACE_MS = 1_000;

/** Runs in the page before its own scripts: records what the measurements need. */
function instrument() {
  const bench = {
    firstComments: null,
    /** Element id → performance.now() when the comment first entered the DOM. */
    firstSeen: new Map(),
    /** Comment page requests: what was asked, when, and which comments came back. */
    fetches: [],
    inFlight: 0,
    /** Scrolls and clicks that may ask for the next page. */
    triggers: [],
    lastMutation: 0,
    read: new Set(),
    armReply: false,
    reply: null,
  };
  Object.defineProperty(window, '__bench', { value: bench });

  const note = (el) => {
    if (!bench.firstSeen.has(el.id)) bench.firstSeen.set(el.id, performance.now());
  };
  let painting = false;
  new MutationObserver((records) => {
    bench.lastMutation = performance.now();
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== Node.ELEMENT_NODE) continue;
        if (node.matches('article.comment[id]')) note(node);
        for (const el of node.querySelectorAll('article.comment[id]')) note(el);
      }
    }
    if (!painting && document.querySelector('.comment-list article.comment')) {
      painting = true;
      requestAnimationFrame(() => {
        bench.firstComments = performance.now();
      });
    }
  }).observe(document, { childList: true, subtree: true });

  const pageOfComments = /\/discussions\/[^/]+\/comments(\?|$)/;
  const fetch = window.fetch;
  window.fetch = async function benchFetch(input, init) {
    const url = String(input instanceof Request ? input.url : input);
    const method = (
      init?.method ?? (input instanceof Request ? input.method : 'GET')
    ).toUpperCase();
    if (method !== 'GET' || !pageOfComments.test(url)) return fetch.call(this, input, init);
    const entry = { url, start: performance.now(), end: null, ids: [] };
    bench.fetches.push(entry);
    bench.inFlight += 1;
    try {
      const response = await fetch.call(this, input, init);
      response
        .clone()
        .json()
        .then((body) => {
          entry.ids = (body?.comments ?? []).map((c) => c.id);
        })
        .catch(() => undefined);
      return response;
    } finally {
      entry.end = performance.now();
      bench.inFlight -= 1;
    }
  };

  document.addEventListener(
    'click',
    () => bench.triggers.push({ kind: 'click', t: performance.now() }),
    true,
  );

  window.addEventListener(
    'keydown',
    (event) => {
      if (!bench.armReply || event.key !== 'Enter') return;
      bench.armReply = false;
      const down = performance.now();
      bench.reply = { down, focused: null };
      const poll = () => {
        if (document.activeElement?.tagName === 'TEXTAREA') {
          bench.reply.focused = performance.now();
        } else if (performance.now() - down < 5_000) {
          requestAnimationFrame(poll);
        }
      };
      requestAnimationFrame(poll);
    },
    true,
  );
}

async function openContext(browser) {
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'allow' });
  context.setDefaultTimeout(20_000);
  context.setDefaultNavigationTimeout(30_000);
  await context.addInitScript(instrument);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { context, page, cdp };
}

/** Waits until no comment page is loading and the DOM has not changed for 500 ms. */
async function atRest(page) {
  await page.waitForFunction(
    () => window.__bench.inFlight === 0 && performance.now() - window.__bench.lastMutation >= 500,
    null,
    { polling: 100, timeout: 10_000 },
  );
}

async function snapshot(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null;
  const counts = await page.evaluate(() => ({
    domNodes: document.getElementsByTagName('*').length,
    commentsInDom: document.querySelectorAll('article.comment').length,
  }));
  return { ...counts, heapMB: heap === null ? null : round(heap / 1024 / 1024, 1) };
}

async function openThread(page, baseUrl, size) {
  await page.goto(`${baseUrl}/discussions/synthetic-${size}?scenario=long-threads`);
  await page.waitForFunction(() => window.__bench.firstComments !== null, null, { polling: 50 });
  const firstCommentsMs = await page.evaluate(() => window.__bench.firstComments);
  await atRest(page);
  return firstCommentsMs;
}

/** Waits for comments not seen before; false when none came and nothing is loading. */
async function moreComments(page, known, graceMs, limitMs) {
  const handle = await page
    .waitForFunction(
      ([before, grace, started]) => {
        const b = window.__bench;
        if (b.firstSeen.size > before) return 'more';
        return performance.now() - started >= grace && b.inFlight === 0 ? 'none' : false;
      },
      [known, graceMs, await page.evaluate(() => performance.now())],
      { polling: 50, timeout: limitMs },
    )
    .catch(() => null);
  return (await handle?.jsonValue()) === 'more';
}

/**
 * Scrolls the window down in steps of 80 % of its height until the comment `target`
 * places below the first has come into view, loading further pages on the way.
 */
async function readDown(page, target) {
  const started = Date.now();
  let steps = 0;
  let clicks = 0;
  let reachedEnd = false;
  let state = { read: 0 };
  const more = page.getByRole('button', { name: 'Show more comments', exact: true });
  while (steps < MAX_SCROLL_STEPS && Date.now() - started < READ_LIMIT_MS) {
    steps += 1;
    state = await page.evaluate(async (goal) => {
      const b = window.__bench;
      const height = window.innerHeight;
      for (const el of document.querySelectorAll('.comment-list article.comment[id]')) {
        if (!b.read.has(el.id) && el.getBoundingClientRect().top < height) b.read.add(el.id);
      }
      const known = b.firstSeen.size;
      const atBottom = window.scrollY + height >= document.documentElement.scrollHeight - 2;
      if (b.read.size < goal && !atBottom) {
        b.triggers.push({ kind: 'scroll', t: performance.now() });
        window.scrollBy(0, Math.round(height * 0.8));
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      }
      return { read: b.read.size, known, atBottom };
    }, target);
    if (state.read >= target) break;
    if (!state.atBottom) continue;
    // The end of what is loaded: give an automatic load a moment, then use the button.
    if (await moreComments(page, state.known, AUTO_LOAD_GRACE_MS, 10_000)) continue;
    if (await more.isVisible()) {
      await more.click();
      clicks += 1;
      if (await moreComments(page, state.known, 10_000, 12_000)) continue;
    }
    reachedEnd = true;
    break;
  }
  return {
    read: state.read,
    target,
    steps,
    clicks,
    reachedEnd,
    seconds: round((Date.now() - started) / 1000, 1),
  };
}

/** From the scroll or click that asked for each further page to its first comment in the DOM. */
async function nextPageTimes(page) {
  const { fetches, triggers, firstSeen } = await page.evaluate(() => ({
    fetches: window.__bench.fetches,
    triggers: window.__bench.triggers,
    firstSeen: Object.fromEntries(window.__bench.firstSeen),
  }));
  return fetches
    .filter((f) => /[?&]cursor=/.test(f.url) && f.ids.length > 0)
    .map((f) => {
      const appeared = Math.min(...f.ids.map((id) => firstSeen[`comment-${id}`] ?? Infinity));
      const trigger = triggers.filter((t) => t.t <= f.start).at(-1);
      return {
        via: trigger?.kind ?? null,
        ms: trigger && Number.isFinite(appeared) ? round(appeared - trigger.t) : null,
        requestMs: f.end === null ? null : round(f.end - f.start),
      };
    });
}

/**
 * Signs in from the thread's page through the header's link, which comes back to the
 * thread without a reload: a scenario tab keeps its database in memory only, so a
 * reload would forget the session.
 */
async function signIn(page) {
  await page.getByRole('link', { name: 'Sign in', exact: true }).click();
  await page.getByLabel('Email').fill(PARTICIPANT.email);
  await page.getByLabel('Password', { exact: true }).fill(PARTICIPANT.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  await page.getByRole('button', { name: 'Reply', exact: true }).first().waitFor();
  await atRest(page);
}

/** Keyboard: focus the first Reply button, press Enter, wait for the composer's textarea. */
async function replyFocus(page) {
  const reply = page.getByRole('button', { name: 'Reply', exact: true }).first();
  const trials = [];
  for (let i = 0; i < RUNS; i++) {
    await reply.focus();
    await page.evaluate(() => {
      window.__bench.reply = null;
      window.__bench.armReply = true;
    });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__bench.reply?.focused != null, null, {
      polling: 20,
      timeout: 6_000,
    });
    trials.push(
      await page.evaluate(() => window.__bench.reply.focused - window.__bench.reply.down),
    );
    await page.locator('.comment-list').getByRole('button', { name: 'Cancel' }).first().click();
    await reply.waitFor();
    await atRest(page);
  }
  return {
    trialsMs: trials.map((t) => round(t, 1)),
    medianMs: round(median(trials), 1),
    maxMs: round(Math.max(...trials), 1),
  };
}

async function withContext(browser, fn) {
  const opened = await openContext(browser);
  try {
    return await fn(opened);
  } finally {
    await opened.context.close().catch(() => undefined);
  }
}

export async function runLongThreads({ baseUrl, launchOptions, log = console.log }) {
  const browser = await chromium.launch(launchOptions);
  const threads = Object.fromEntries(
    THREAD_SIZES.map((size) => [size, { size, slug: `synthetic-${size}`, loads: [], errors: [] }]),
  );
  try {
    // A first load of the browser, not counted: processes and caches warm up.
    await withContext(browser, ({ page }) => openThread(page, baseUrl, THREAD_SIZES[0])).catch(
      () => undefined,
    );
    // Rounds interleave the sizes, so that a slow moment of the machine spreads over all.
    for (let run = 0; run < RUNS; run++) {
      for (const size of THREAD_SIZES) {
        try {
          await withContext(browser, async ({ page, cdp }) => {
            const firstCommentsMs = await openThread(page, baseUrl, size);
            threads[size].loads.push({
              firstCommentsMs: round(firstCommentsMs, 1),
              // The first page's request through the mock backend: its share of the wait.
              firstPageRequestMs: await page.evaluate(() => {
                const first = window.__bench.fetches[0];
                return first?.end ? Math.round(first.end - first.start) : null;
              }),
              ...(await snapshot(page, cdp)),
            });
          });
        } catch (error) {
          threads[size].errors.push(`load ${run + 1}: ${error.message.split('\n')[0]}`);
        }
      }
      log(`  long threads: load round ${run + 1} of ${RUNS} done`);
    }
    // Reading comes after the loads: closing a context that read 500 comments keeps
    // the machine busy for a moment, which would slow the next load down.
    for (const size of THREAD_SIZES) {
      const thread = threads[size];
      try {
        await withContext(browser, async ({ page, cdp }) => {
          await openThread(page, baseUrl, size);
          thread.reading = await readDown(page, READ_COMMENTS + 1);
          await atRest(page);
          thread.afterReading = await snapshot(page, cdp);
          thread.nextPages = await nextPageTimes(page);
        });
      } catch (error) {
        thread.errors.push(`reading: ${error.message.split('\n')[0]}`);
      }
      log(`  long thread ${size}: reading done`);
    }
    for (const size of THREAD_SIZES) {
      try {
        await withContext(browser, async ({ page }) => {
          await openThread(page, baseUrl, size);
          await signIn(page);
          threads[size].reply = await replyFocus(page);
        });
      } catch (error) {
        threads[size].errors.push(`reply: ${error.message.split('\n')[0]}`);
      }
      log(`  long thread ${size}: reply done`);
    }
  } finally {
    await browser.close().catch(() => undefined);
  }
  return summarise(Object.values(threads));
}

function summarise(threads) {
  const rows = threads.map((t) => {
    const pageTimes = (t.nextPages ?? []).map((p) => p.ms);
    return {
      size: t.size,
      slug: t.slug,
      firstCommentsMs: {
        runs: t.loads.map((l) => l.firstCommentsMs),
        median: round(median(t.loads.map((l) => l.firstCommentsMs)), 1),
      },
      firstPageRequestMs: median(t.loads.map((l) => l.firstPageRequestMs)),
      atLoad: {
        domNodes: median(t.loads.map((l) => l.domNodes)),
        commentsInDom: median(t.loads.map((l) => l.commentsInDom)),
        heapMB: median(t.loads.map((l) => l.heapMB)),
        runs: t.loads,
      },
      reading: t.reading ?? null,
      afterReading: t.afterReading ?? null,
      nextPageMs: {
        first: pageTimes[0] ?? null,
        median: median(pageTimes),
        pages: t.nextPages ?? [],
      },
      reply: t.reply ?? null,
      errors: t.errors,
    };
  });
  const bySize = (size) => rows.find((r) => r.size === size);
  const small = bySize(100)?.firstCommentsMs.median;
  const large = bySize(10_000)?.firstCommentsMs.median;
  const ratio = small && large ? round(large / small, 2) : null;
  const domCounts = rows.flatMap((r) => [r.atLoad.domNodes, r.afterReading?.domNodes ?? null]);
  const replies = rows.map((r) => r.reply?.medianMs ?? null);
  const budget = {
    firstCommentsRatio: {
      limit: LONG_THREAD_BUDGET.firstCommentsRatio,
      value: ratio,
      within: ratio !== null && ratio <= LONG_THREAD_BUDGET.firstCommentsRatio,
    },
    maxDomNodes: {
      limit: LONG_THREAD_BUDGET.maxDomNodes,
      value: domCounts.every(Number.isFinite) ? Math.max(...domCounts) : null,
      within: domCounts.every((n) => Number.isFinite(n) && n <= LONG_THREAD_BUDGET.maxDomNodes),
    },
    replyFocusMs: {
      limit: LONG_THREAD_BUDGET.replyFocusMs,
      value: replies.every(Number.isFinite) ? Math.max(...replies) : null,
      within: replies.every((ms) => Number.isFinite(ms) && ms <= LONG_THREAD_BUDGET.replyFocusMs),
    },
  };
  return {
    viewport: VIEWPORT,
    runs: RUNS,
    readComments: READ_COMMENTS,
    threads: rows,
    budget,
    within:
      Object.values(budget).every((b) => b.within) && rows.every((r) => r.errors.length === 0),
  };
}
