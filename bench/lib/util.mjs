// Small helpers of the harness: statistics, formatting, child processes and /usr/bin/time.
import { spawn, spawnSync } from 'node:child_process';

export function median(xs) {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

export const kb = (bytes) => (bytes == null ? '–' : `${(bytes / 1024).toFixed(1)} KB`);
export const mb = (bytes) => (bytes == null ? '–' : `${(bytes / 1048576).toFixed(1)} MB`);
export const ms = (x) => (x == null ? '–' : `${Math.round(x)} ms`);
export const secs = (x) => (x == null ? '–' : `${x.toFixed(2)} s`);
export const ratio = (a, b) => (a == null || b == null || b === 0 ? null : a / b);
export const times = (r) => (r == null ? '–' : `${r.toFixed(2)}×`);

export function log(...args) {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${args.join(' ')}\n`);
}

/** A plain-text table: `rows` are arrays of cells; the first row is the header. */
export function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i] ?? '').length)));
  const line = (r) => r.map((c, i) => String(c ?? '').padEnd(widths[i])).join('  ').trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/**
 * Runs a command under GNU time (`/usr/bin/time -v`): wall time and peak RSS of the command and its
 * children, with its stdout (and the tail of its stderr).
 */
export function timed(cmd, args, { env } = {}) {
  const r = spawnSync('/usr/bin/time', ['-v', cmd, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: env || process.env });
  const err = r.stderr || '';
  const wall = (err.match(/Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (.*)/) || [])[1];
  let seconds = null;
  if (wall) {
    const parts = wall.trim().split(':').map(Number);
    seconds = parts.reduce((acc, p) => acc * 60 + p, 0);
  }
  const rssKb = Number((err.match(/Maximum resident set size \(kbytes\): (\d+)/) || [])[1] || NaN);
  const exit = Number((err.match(/Exit status: (\d+)/) || [])[1] ?? r.status);
  const ownErr = err.split('\n').filter((l) => !/^\t/.test(l) && !l.startsWith('Command being timed')).join('\n').trim();
  return { exit, seconds, peakRss: Number.isFinite(rssKb) ? rssKb * 1024 : null, stdout: r.stdout, stderr: ownErr.slice(-2000) };
}

/** Starts a long-running child (a server) and returns it; it is ended by `stop()`. */
export function background(cmd, args, options = {}) {
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], ...options });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  return {
    child,
    stderr: () => stderr,
    stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
    },
  };
}

export async function waitForUrl(url, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}
