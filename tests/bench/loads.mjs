// Page loads for `cargo xtask bench` (called by run.mjs): the long articles opened as readers
// open them, by a `?bundle=` address and as a static page the app takes over, and every hostile
// bundle; for each, when the first screen and the whole body were in the page (or the error),
// and how long the main thread was kept busy: the longest task (`longtask`), the longest
// animation frame (`long-animation-frame`: tasks plus style, layout and paint) and the slowest
// answer to a key pressed every 100 ms meanwhile (Event Timing, from 16 ms up).

// Runs in the page before any of its scripts.
function observe() {
  const s = { longTasks: [], frames: [], inputs: [], fcp: null, firstScreen: null, ready: null, complete: null, failure: null, failureText: null };
  const po = (type, fn, extra = {}) => {
    try { new PerformanceObserver((l) => l.getEntries().forEach(fn)).observe({ type, buffered: true, ...extra }); } catch (_) {}
  };
  po('longtask', (e) => s.longTasks.push([e.startTime, e.duration]));
  po('long-animation-frame', (e) => s.frames.push([e.startTime, e.duration]));
  po('event', (e) => { if (e.name === 'keydown') s.inputs.push([e.startTime, e.duration]); }, { durationThreshold: 16 });
  po('paint', (e) => { if (e.name === 'first-contentful-paint') s.fcp = e.startTime; });
  // Each moment is seen at the end of the task that made it (mutation records are delivered
  // then), before that task's frame is painted.
  const mo = new MutationObserver(() => {
    const now = performance.now();
    const html = document.documentElement;
    if (s.firstScreen === null && document.querySelector('.story-body > :not(.dateline)')) s.firstScreen = now;
    if (s.ready === null && html && html.dataset.folioApp === 'ready') s.ready = now;
    if (s.complete === null && html && html.dataset.folioBody === 'complete') s.complete = now;
    const failure = document.querySelector('[data-failure]');
    if (s.failure === null && failure) { s.failure = now; s.failureText = failure.textContent.replace(/\s+/g, ' ').trim().slice(0, 300); }
    if (s.complete !== null || s.failure !== null) mo.disconnect();
  });
  mo.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-folio-app', 'data-folio-body'] });
  window.__folioLoad = s;
}

// One load of `url` in a fresh context, until the body is complete and every block of it laid
// out (a static page's far blocks are laid out after the swap, ADR 014), or an error is shown
// (`limit` ms at most), then one more second for the frames after. When all was laid out is
// seen by this loop, which waits for the page's busy tasks: up to about 200 ms late.
async function load(browser, url, { probe, limit }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(observe);
  await page.goto(url, { waitUntil: 'commit', timeout: limit });
  const start = Date.now();
  while (Date.now() - start < limit) {
    const done = await page.evaluate(() => {
      const s = window.__folioLoad;
      if (s && s.complete !== null && s.laidOut === undefined && !document.querySelector('.waiting-layout')) s.laidOut = performance.now();
      return !!s && (s.laidOut !== undefined || s.failure !== null);
    }).catch(() => false);
    if (done) break;
    if (probe) await page.keyboard.press('Shift').catch(() => {});
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(1000);
  const s = await page.evaluate(() => window.__folioLoad);
  await context.close();
  const longest = (list) => list.reduce((m, [, d]) => Math.max(m, d), 0);
  // The task and the frame in which the takeover put its copy in place.
  const around = (list, t) => (t === null ? null : (list.find(([at, d]) => at <= t && t <= at + d + 1) || [null, 0])[1]);
  return {
    fcp: s.fcp, firstScreen: s.firstScreen, complete: s.complete, laidOut: s.laidOut ?? null, failure: s.failure, failureText: s.failureText,
    longestTask: longest(s.longTasks), longestFrame: longest(s.frames), longestInput: longest(s.inputs),
    swapTask: around(s.longTasks, s.ready), swapFrame: around(s.frames, s.ready), longTasks: s.longTasks.length,
  };
}

// Each long article, `cfg.runs` times each way: `?bundle=` on the app's page, and its static page.
export async function longLoads(browser, cfg) {
  const out = {};
  for (const name of cfg.articles) {
    out[name] = {};
    for (const [way, path] of [['bundle', `?bundle=bundles/${name}/`], ['static', `articles/${name}/`]]) {
      const runs = [];
      for (let i = 0; i < cfg.runs; i++) runs.push(await load(browser, cfg.long + path, { probe: true, limit: 60000 }));
      const last = runs[runs.length - 1];
      process.stderr.write(`${name} by ${way}: complete at ${Math.round(last.complete)} ms, laid out at ${Math.round(last.laidOut)} ms, longest task ${Math.round(last.longestTask)} ms, longest frame ${Math.round(last.longestFrame)} ms\n`);
      out[name][way] = runs;
    }
  }
  return out;
}

// Every hostile bundle once, from navigation to the article or its error (30 s at most).
export async function hostileLoads(browser, cfg) {
  const out = [];
  for (const h of cfg.hostile || []) {
    const r = await load(browser, `${cfg.long}?bundle=__test/hostile/${h.kind}/`, { probe: false, limit: 30000 });
    const got = r.complete !== null ? 'shown' : r.failure !== null ? 'error' : 'nothing';
    const as = h.shown ? got === 'shown' : got === 'error' && (r.failureText || '').includes(h.words);
    process.stderr.write(`hostile ${h.kind}: ${got} at ${Math.round(r.complete ?? r.failure ?? -1)} ms, longest task ${Math.round(r.longestTask)} ms\n`);
    out.push({ ...h, got, as_expected: as, ms: r.complete ?? r.failure, ...r });
  }
  return out;
}
