// Browser side of the harness: a throttled page with its bytes, timings, long tasks and memory read
// through the DevTools protocol, and the in-page probe that timestamps what a person would see.
import { readdirSync, readFileSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** The phone: CPU 4× slower, 1.6 Mbps down, 750 kbps up, 150 ms round trip. */
export const PHONE = {
  cpuRate: 4,
  network: { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8) },
};

/** A phone-sized window (Lighthouse's mobile viewport). */
export const CONTEXT_OPTIONS = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true,
  colorScheme: 'light',
  reducedMotion: 'no-preference',
};

// Runs in every page before its own scripts. Records, on `window.__bench`:
//  t.<condition>: performance.now() of the first animation frame at which the condition held
//                 (what a person would see in that frame), for conditions not yet met;
//  clicks:        performance.now() of every click (capture phase, before the page handles it);
//  longtasks:     every long task (> 50 ms) the browser reported;
//  wasm:          the app's wasm exports (Trunk's TrunkApplicationStarted event), for its memory size.
export const PROBE = `(() => {
  const b = window.__bench = { t: {}, clicks: [], longtasks: [], wasm: null };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
  addEventListener('TrunkApplicationStarted', (e) => { b.wasm = e.detail && e.detail.wasm; });
  document.addEventListener('click', () => b.clicks.push(performance.now()), true);
  const shown = (el) => el.isConnected && !el.disabled && el.checkVisibility() && el.getClientRects().length > 0;
  const named = (el) => ((el.tagName === 'INPUT' ? el.value : el.textContent) || '').trim();
  const button = (name) => () => [...document.querySelectorAll('button, input[type=button], input[type=submit], a')]
    .some((el) => named(el) === name && shown(el));
  const conditions = {
    start: button('Start now'),
    see: button('Finish and see your results'),
    yes: () => [...document.querySelectorAll('input[type=radio]')]
      .some((el) => shown(el) && [...(el.labels || [])].some((l) => l.textContent.trim() === 'Yes')),
    // The app draws a chart as it comes into view: a reader scrolls to the next one not drawn yet.
    charts: () => {
      const waiting = document.querySelector('[role=img][data-drawn=false]');
      if (waiting) waiting.scrollIntoView({ block: 'nearest' });
      return document.querySelectorAll('[role=img][data-drawn=true]').length >= 2;
    },
    check: () => [...document.querySelectorAll('h1')].some((h) => h.textContent.trim() === 'Check your answers'),
  };
  b.reset = (name) => { delete b.t[name]; };
  const frame = () => {
    const now = performance.now();
    for (const [name, holds] of Object.entries(conditions)) {
      if (!(name in b.t)) { try { if (holds()) b.t[name] = now; } catch (e) {} }
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

/**
 * A new context and page (a first visit: its HTTP cache and storage start empty), throttled like a
 * phone when `throttle`, with every response's bytes on the wire counted by DevTools, and the bench
 * server's own count (bench/serve.mjs at `statsUrl`) started again, which also sees the service
 * worker's requests.
 */
export async function openSession(browser, { throttle = true, storage = null, statsUrl = null } = {}) {
  const context = await browser.newContext(CONTEXT_OPTIONS);
  await context.addInitScript(PROBE);
  if (storage) {
    // Seeds localStorage before the app reads it (the state a returning person has).
    await context.addInitScript((entries) => {
      for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
    }, storage);
  }
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const responses = new Map();
  cdp.on('Network.responseReceived', (e) => {
    responses.set(e.requestId, { url: e.response.url, type: e.type, status: e.response.status, encoding: e.response.headers['content-encoding'] || e.response.headers['Content-Encoding'] || '', bytes: 0 });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = responses.get(e.requestId);
    if (r) r.bytes = e.encodedDataLength;
  });
  await cdp.send('Network.enable');
  if (statsUrl) await fetch(`${statsUrl}?reset=1`).then((r) => r.arrayBuffer());
  if (throttle) {
    await cdp.send('Network.emulateNetworkConditions', PHONE.network);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuRate });
  }
  return {
    context,
    page,
    cdp,
    /** Every response so far: url, type, bytes on the wire (headers included, as gzip-served). */
    responses: () => [...responses.values()].filter((r) => !r.url.startsWith('data:')),
    bytes() {
      return this.responses().reduce((sum, r) => sum + r.bytes, 0);
    },
    /** What the server sent since the session opened: { bytes, requests, paths }. */
    async served() {
      return statsUrl ? fetch(statsUrl).then((r) => r.json()) : null;
    },
    /**
     * Waits (up to `timeout` ms) until the page's service worker, if it registered one, is installed
     * and active: its offline copy of the site is then downloaded.
     */
    async serviceWorkerSettled(timeout = 60_000) {
      return page.evaluate(async (ms) => {
        if (!('serviceWorker' in navigator)) return 'unsupported';
        const reg = await navigator.serviceWorker.getRegistration();
        if (!reg) return 'none';
        const ready = navigator.serviceWorker.ready.then(() => 'active');
        return Promise.race([ready, new Promise((r) => setTimeout(() => r('timeout'), ms))]);
      }, timeout);
    },
    async probe() {
      return page.evaluate(() => ({ t: { ...window.__bench.t }, clicks: [...window.__bench.clicks], longtasks: [...window.__bench.longtasks] }));
    },
    /** JS heap in use after a garbage collection, and the wasm linear memory, in bytes. */
    async memory() {
      await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
      const heap = await cdp.send('Runtime.getHeapUsage');
      const wasm = await page.evaluate(() => {
        const w = window.__bench && window.__bench.wasm;
        return w && w.memory ? w.memory.buffer.byteLength : 0;
      });
      return { jsHeap: heap.usedSize, wasm };
    },
    async close() {
      await context.close();
    },
  };
}

/** Waits until the probe has seen `name` (see PROBE), and returns its time. */
export async function waitFor(session, name, timeout = 120_000) {
  await session.page.waitForFunction((n) => n in window.__bench.t, name, { timeout, polling: 100 });
  return session.page.evaluate((n) => window.__bench.t[n], name);
}

/** Long tasks after `since` (ms on the page's clock): count, longest, total. */
export function longTasks(entries, since = 0, until = Infinity) {
  const xs = entries.filter((e) => e.start >= since && e.start <= until).map((e) => e.duration);
  return {
    count: xs.length,
    max: xs.length ? Math.max(...xs) : 0,
    total: xs.reduce((a, b) => a + b, 0),
    over200: xs.filter((d) => d > 200).length,
  };
}

// ------------------------------------------------------------------------------------------------
// Memory of the browser's renderer processes, read from /proc (independent of the page's own thread,
// which may be busy for seconds during a large import).

function procStat(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid, ppid: Number(rest[1]) };
  } catch {
    return null;
  }
}

/** Pids of every descendant of `root` (this node process: Playwright's Chromium is its child). */
export function descendants(root = process.pid) {
  const all = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number).map(procStat).filter(Boolean);
  const children = new Map();
  for (const p of all) {
    if (!children.has(p.ppid)) children.set(p.ppid, []);
    children.get(p.ppid).push(p.pid);
  }
  const out = [];
  const stack = [root];
  while (stack.length) {
    for (const c of children.get(stack.pop()) || []) {
      out.push(c);
      stack.push(c);
    }
  }
  return out;
}

/** RSS in bytes of each renderer process of our browser. */
export function rendererRss() {
  const out = [];
  for (const pid of descendants()) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('--type=renderer')) continue;
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = Number((status.match(/VmRSS:\s+(\d+)/) || [])[1] || 0);
      out.push({ pid, rss: kb * 1024 });
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return out;
}
