// A plain static file server, as GitHub Pages or any static host behaves: no rewrite rules, no
// fallback to index.html for unknown paths, gzip when the browser accepts it.
//
//   node e2e/serve.mjs --root dist [--port 8080] [--base /collaboration-readiness/]
//
// The site is served at "/" and also under --base (default /collaboration-readiness/), so one server
// lets the tests prove that the same dist/ works at the root and under a sub-path.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { COMPRESSIBLE, option, siteFile, TYPES } from './static-site.mjs';

const root = resolve(option('root', 'dist'));
const port = Number(option('port', process.env.PORT || 8080));
const base = option('base', '/collaboration-readiness/');
const gzipCache = new Map();

async function fileFor(urlPath) {
  let rel = decodeURIComponent(urlPath);
  if (rel.startsWith(base)) rel = rel.slice(base.length - 1);
  return siteFile(root, rel);
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  // A directory without its trailing slash would resolve relative URLs against the parent.
  if (url.pathname === base.slice(0, -1)) {
    res.writeHead(301, { Location: base });
    return res.end();
  }
  const path = await fileFor(url.pathname);
  if (!path) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    return res.end('Not found');
  }
  const ext = extname(path);
  let body = await readFile(path);
  // Revalidated on every use, as GitHub Pages does with its short max-age: an unchanged file costs a 304.
  const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
  const headers = { 'Content-Type': TYPES[ext] || 'application/octet-stream', 'Cache-Control': 'no-cache', ETag: etag };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    return res.end();
  }
  if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
    if (!gzipCache.has(path)) gzipCache.set(path, gzipSync(body, { level: 9 }));
    body = gzipCache.get(path);
    headers['Content-Encoding'] = 'gzip';
    headers['Vary'] = 'Accept-Encoding';
  }
  headers['Content-Length'] = body.length;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
});

server.on('error', (error) => {
  if (error.code === 'EADDRINUSE') {
    console.error(`Port ${port} is already in use. Choose another one, e.g. PORT=${port + 1} ./scripts/serve.sh`);
    process.exit(1);
  }
  throw error;
});

server.listen(port, '127.0.0.1', () => {
  console.log(`Serving ${root}`);
  console.log(`  http://127.0.0.1:${port}/`);
  console.log(`  http://127.0.0.1:${port}${base}  (the same site under a sub-path)`);
});
