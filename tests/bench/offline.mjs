// The offline measurements of `cargo xtask bench`: the sample article saved, the server
// stopped (the process itself, since a browser's offline emulation does not cut a service
// worker's requests), then reopened from the saved copy, time to headline over several runs.
import { spawn } from 'node:child_process';
import { connect } from 'node:net';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function listening(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

async function until(test, what) {
  for (let i = 0; i < 400; i++) {
    if (await test()) return;
    await sleep(50);
  }
  throw new Error(what);
}

// cfg.offline: { command: [program, ...args] serving the release on port, port, url }.
// `observe` is the page observer of run.mjs; `cpu` its CPU slowdown.
export async function offlineReopen(browser, cfg, observe, cpu) {
  const o = cfg.offline;
  const server = spawn(o.command[0], o.command.slice(1), { stdio: 'ignore' });
  try {
    await until(() => listening(o.port), 'the offline bench server did not start');
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(o.url, { waitUntil: 'load' });
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 60000 });
    await page.click('[data-folio-save] button');
    await page.waitForFunction(() => /^(Saved|Not saved)/.test(document.querySelector('#folio_save_status').textContent), null, { timeout: 60000 });
    const said = await page.textContent('#folio_save_status');
    if (!said.startsWith('Saved')) throw new Error(`the sample article was not saved: ${said}`);
    server.kill();
    await until(async () => !(await listening(o.port)), 'the offline bench server did not stop');
    await page.addInitScript(observe);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    const runs = [];
    for (let i = 0; i < cfg.runs; i++) {
      await page.goto(o.url, { waitUntil: 'domcontentloaded', timeout: 60000 });
      await page.waitForFunction(() => window.__folio.headline !== null && document.documentElement.dataset.folioApp === 'ready', null, { timeout: 60000 });
      const copy = await page.evaluate(() => document.documentElement.dataset.folioSavedAt || null);
      if (!copy) throw new Error('the reopened page is not the saved copy');
      const m = await page.evaluate(() => window.__folio.summary());
      process.stderr.write(`offline reopen ${i + 1}/${cfg.runs}: headline ${Math.round(m.headline)} ms, painted ${Math.round(m.headlinePaint)} ms, taken over ${Math.round(m.takeover)} ms\n`);
      runs.push({ headline: m.headline, headlinePaint: m.headlinePaint, takeover: m.takeover, lcp: m.lcp });
    }
    await context.close();
    return runs;
  } finally {
    server.kill();
  }
}
