// Browser measurements for `cargo xtask bench`, with playwright-core and Debian's Chromium.
// Usage: node tests/bench/run.mjs '<json config>'; writes its results as JSON to config.out.
// Config: { chromium, app, bench, runs, articles: ["words-10000", ...], out,
//           long: URL of the long articles' site, hostile: [{ kind, what, shown, words }],
//           offline: { command, port, url } (offline.mjs) }.
import { longLoads, hostileLoads } from './loads.mjs';
import { offlineReopen } from './offline.mjs';
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const cfg = JSON.parse(process.argv[2]);
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

// Network and CPU for the cold load: 1.6 Mbit/s down, 750 kbit/s up, 150 ms RTT, CPU 4x slower.
const NETWORK = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 };
const CPU_SLOWDOWN = 4;
// The 2G profile: 250 kbit/s each way, 300 ms RTT, the same CPU.
const NETWORK_2G = { offline: false, latency: 300, downloadThroughput: 250e3 / 8, uploadThroughput: 250e3 / 8 };

// Runs in the page before any of its scripts: records paints, long tasks, layout shifts and
// the moment the headline is in the page with a size.
function observe() {
  const s = { fcp: null, lcp: null, longTasks: [], shifts: [], headline: null, headlinePaint: null, takeover: null };
  const describe = (n) => (n && n.nodeName ? n.nodeName.toLowerCase() + (n.className ? '.' + String(n.className).split(' ')[0] : '') : '?');
  const po = (type, fn) => {
    try { new PerformanceObserver((l) => l.getEntries().forEach(fn)).observe({ type, buffered: true }); } catch (_) {}
  };
  po('paint', (e) => { if (e.name === 'first-contentful-paint') s.fcp = e.startTime; });
  po('largest-contentful-paint', (e) => { s.lcp = e.startTime; s.lcpElement = e.element ? describe(e.element) : null; });
  po('longtask', (e) => s.longTasks.push([e.startTime, e.duration]));
  // The headline carries elementtiming: its entry says when it was first painted.
  po('element', (e) => { if (e.identifier === 'folio-headline' && s.headlinePaint === null) s.headlinePaint = e.renderTime || e.loadTime; });
  // The app marks <html> when it has taken the page over: from then on Reading settings
  // and Listen answer a click.
  // (The document has no <html> yet when this runs: the whole document is watched.)
  new MutationObserver(() => {
    if (s.takeover === null && document.documentElement.dataset.folioApp === 'ready') s.takeover = performance.now();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-folio-app'] });
  po('layout-shift', (e) => {
    if (!e.hadRecentInput) s.shifts.push([e.startTime, e.value, (e.sources || []).map((x) => describe(x.node)).join(' ')]);
  });
  const check = () => {
    const h = document.getElementById('folio_headline');
    if (s.headline === null && h && h.getBoundingClientRect().height > 0) {
      s.headline = performance.now();
      mo.disconnect();
    }
  };
  const mo = new MutationObserver(check);
  mo.observe(document, { childList: true, subtree: true });
  s.summary = () => {
    // Total Blocking Time: the part over 50 ms of every long task after the first contentful paint.
    const tbt = s.longTasks.filter(([t]) => t >= (s.fcp ?? 0)).reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0);
    // Cumulative Layout Shift: the largest session window (gaps < 1 s, windows ≤ 5 s).
    let cls = 0, win = 0, first = 0, last = -Infinity;
    for (const [t, v] of s.shifts) {
      if (t - last > 1000 || t - first > 5000) { win = 0; first = t; }
      win += v; last = t; cls = Math.max(cls, win);
    }
    return { headline: s.headline, headlinePaint: s.headlinePaint, takeover: s.takeover, fcp: s.fcp, lcp: s.lcp, lcpElement: s.lcpElement, tbt, cls, longTasks: s.longTasks.length, shifts: s.shifts };
  };
  window.__folio = s;
}

// serviceWorkers: 'allow' (a first visit as readers make it, the worker installing), or
// 'block' (the same page as if Folio had none); network: NETWORK or NETWORK_2G.
async function coldLoad(browser, url, serviceWorkers = 'allow', network = NETWORK) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true, serviceWorkers });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const requests = new Map();
  // When the page's own request went out (about the page's time origin), by the browser's
  // monotonic clock: to place each finished request on the page's timeline.
  let origin = null;
  cdp.on('Network.requestWillBeSent', (e) => { if (origin === null && e.type === 'Document') origin = e.timestamp; });
  cdp.on('Network.responseReceived', (e) => requests.set(e.requestId, { url: e.response.url, type: e.type, status: e.response.status, fromServiceWorker: !!e.response.fromServiceWorker }));
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) { r.transfer = e.encodedDataLength; r.finished = origin === null ? null : (e.timestamp - origin) * 1000; }
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', network);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await page.addInitScript(observe);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120000 });
  await page.waitForFunction(() => window.__folio.headline !== null, null, { timeout: 120000 });
  await page.waitForLoadState('networkidle', { timeout: 120000 });
  await page.waitForTimeout(1500); // late long tasks and shifts
  const metrics = await page.evaluate(() => window.__folio.summary());
  await context.close();
  const painted = metrics.headlinePaint;
  // Bytes on the wire (headers and bodies, compressed) of every request that had finished
  // when the headline was painted: what the first paint waited for. (Requests still
  // arriving then, such as the wasm module, did not hold it up.) The same when the app had
  // taken over.
  const bytesBefore = (moment) => moment === null || origin === null ? null
    : [...requests.values()].filter((r) => r.finished !== null && r.finished <= moment)
      .reduce((sum, r) => sum + (r.transfer || 0), 0);
  // Everything the page asked for, pictures included, once the network was idle.
  const bytesTotal = [...requests.values()].reduce((sum, r) => sum + (r.transfer || 0), 0);
  const wasm = [...requests.values()].find((r) => r.url.endsWith('.wasm'));
  // The page's own HTML: on a slow network the headline is painted while it still arrives,
  // so it is not among the requests finished before then.
  const html = [...requests.values()].find((r) => r.type === 'Document');
  return { ...metrics, bytesBeforeHeadline: bytesBefore(painted), bytesBeforeTakeover: bytesBefore(metrics.takeover), bytesTotal,
    htmlBytes: html ? html.transfer : null, htmlArrived: html ? html.finished : null,
    wasmArrived: wasm ? wasm.finished : null, requests: [...requests.values()] };
}

async function longArticles(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(cfg.bench, { waitUntil: 'load' });
  await page.waitForFunction(() => window.wasmBindings && window.folioBench, null, { timeout: 60000 });
  const out = {};
  for (const name of cfg.articles) {
    const bytes = await page.evaluate((n) => window.folioBench.load(n), name);
    const runs = { complete: [], folio: [], first: [], read: [], floor: [], marked: [] };
    const elements = {};
    for (let round = 0; round <= cfg.runs; round++) {
      for (const kind of Object.keys(runs)) {
        const r = await page.evaluate(([k, n]) => window.folioBench.run(k, n), [kind, name]);
        if (round > 0) runs[kind].push(r.ms); // round 0 warms up each renderer
        elements[kind] = r.elements;
      }
    }
    await page.evaluate(() => window.folioBench.clear());
    out[name] = { bodyBytes: bytes, runs, elements };
  }
  await context.close();
  return out;
}

// For each article, a fresh page renders it once with Folio as the app builds it; then
// garbage is collected and memory read.
async function memory(browser) {
  const out = [];
  for (const name of cfg.articles) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(cfg.bench, { waitUntil: 'load' });
    await page.waitForFunction(() => window.wasmBindings && window.folioBench, null, { timeout: 60000 });
    const read = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      return { wasm: await page.evaluate(() => window.folioBench.wasmMemory()), jsHeap: heap.usedSize };
    };
    const before = await read();
    await page.evaluate((n) => window.folioBench.load(n), name);
    const r = await page.evaluate((n) => window.folioBench.run('complete', n), name);
    const after = await read();
    await context.close();
    out.push({ article: name, elements: r.elements, before, after });
  }
  return out;
}

const result = { chromium: null, cold: [], cold2g: [], coldWithoutWorker: [], offlineReopen: null, long: null, memory: null, longLoads: null, hostile: null };
{
  const browser = await chromium.launch({ executablePath: cfg.chromium, args: FLAGS });
  result.chromium = browser.version();
  for (let i = 0; i < cfg.runs; i++) {
    const r = await coldLoad(browser, cfg.app);
    process.stderr.write(`cold load ${i + 1}/${cfg.runs}: headline painted ${Math.round(r.headlinePaint)} ms, LCP ${Math.round(r.lcp)} ms, wasm arrived ${Math.round(r.wasmArrived)} ms, taken over ${Math.round(r.takeover)} ms, ${r.bytesBeforeHeadline} bytes before the headline\n`);
    result.cold.push(r);
    const without = await coldLoad(browser, cfg.app, 'block');
    process.stderr.write(`cold load ${i + 1}/${cfg.runs} without the service worker: LCP ${Math.round(without.lcp)} ms\n`);
    result.coldWithoutWorker.push({ lcp: without.lcp, headlinePaint: without.headlinePaint, takeover: without.takeover });
  }
  for (let i = 0; i < cfg.runs; i++) {
    const r = await coldLoad(browser, cfg.app, 'allow', NETWORK_2G);
    process.stderr.write(`cold load on 2G ${i + 1}/${cfg.runs}: headline painted ${Math.round(r.headlinePaint)} ms, taken over ${Math.round(r.takeover)} ms, ${r.bytesTotal} bytes in all\n`);
    result.cold2g.push(r);
  }
  result.offlineReopen = await offlineReopen(browser, cfg, observe, CPU_SLOWDOWN);
  await browser.close();
}
{
  const browser = await chromium.launch({ executablePath: cfg.chromium, args: FLAGS });
  result.longLoads = await longLoads(browser, cfg);
  result.hostile = await hostileLoads(browser, cfg);
  await browser.close();
}
if (cfg.articles.length > 0) {
  const browser = await chromium.launch({ executablePath: cfg.chromium, args: [...FLAGS, '--js-flags=--expose-gc'] });
  result.long = await longArticles(browser);
  result.memory = await memory(browser);
  await browser.close();
}
writeFileSync(cfg.out, JSON.stringify(result, null, 1));
