// The harness's static server: serves files as GitHub Pages does (gzip when the browser accepts it,
// `Cache-Control: max-age=600`, an ETag and 304 Not Modified for a revalidation), and counts the bytes
// it sends, so that "bytes transferred" includes everything a first visit downloads: the page's own
// requests and the service worker's offline copy, which the page's DevTools session does not see.
//
//   node bench/serve.mjs --root bench/build/site --port 8790
//
//   GET /__bench/stats          bytes and requests sent since the last reset, per path
//   GET /__bench/stats?reset=1  the same, then starts counting again
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { COMPRESSIBLE, option, siteFile, TYPES } from '../e2e/static-site.mjs';

const root = resolve(option('root', 'bench/build/site'));
const port = Number(option('port', 8790));
const files = new Map();

let stats = { bytes: 0, requests: 0, paths: {} };

const fileFor = (urlPath) => siteFile(root, decodeURIComponent(urlPath));

/** The file's body, gzip body and ETag, read once (the site does not change while it is served). */
async function load(path) {
  if (!files.has(path)) {
    const body = await readFile(path);
    const info = await stat(path);
    files.set(path, {
      body,
      gzip: COMPRESSIBLE.has(extname(path)) ? gzipSync(body, { level: 9 }) : null,
      etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`,
      modified: info.mtime.toUTCString(),
    });
  }
  return files.get(path);
}

function count(req, res, bytes) {
  const path = new URL(req.url, 'http://localhost').pathname;
  stats.bytes += bytes;
  stats.requests += 1;
  const p = (stats.paths[path] = stats.paths[path] || { bytes: 0, requests: 0, statuses: [] });
  p.bytes += bytes;
  p.requests += 1;
  p.statuses.push(res.statusCode);
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/__bench/stats') {
    const body = JSON.stringify(stats);
    if (url.searchParams.get('reset')) stats = { bytes: 0, requests: 0, paths: {} };
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    return res.end(body);
  }
  const path = await fileFor(url.pathname);
  if (!path) {
    const body = 'Not found';
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': body.length });
    res.end(body);
    return count(req, res, body.length + 150);
  }
  const f = await load(path);
  const headers = {
    'Content-Type': TYPES[extname(path)] || 'application/octet-stream',
    'Cache-Control': 'max-age=600',
    ETag: f.etag,
    'Last-Modified': f.modified,
    Vary: 'Accept-Encoding',
  };
  if (req.headers['if-none-match'] === f.etag) {
    res.writeHead(304, headers);
    res.end();
    return count(req, res, 200);
  }
  let body = f.body;
  if (f.gzip && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
    body = f.gzip;
    headers['Content-Encoding'] = 'gzip';
  }
  headers['Content-Length'] = body.length;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
  // The body plus about what the status line and headers take.
  count(req, res, (req.method === 'HEAD' ? 0 : body.length) + 300);
});

server.listen(port, '127.0.0.1', () => console.log(`bench server: ${root} on http://127.0.0.1:${port}/`));
