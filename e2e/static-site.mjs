// What the project's two static servers share (e2e/serve.mjs for the tests and `serve.sh`,
// bench/serve.mjs for the performance harness): command-line options, content types, which files are
// worth gzipping, and finding a request's file inside the site without ever leaving it.
import { stat } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';

/** The value after `--name` on the command line, or `fallback`. */
export function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.webmanifest', '.txt', '.csv']);

/**
 * The file under `root` for a URL path (already decoded and stripped of any base), a directory's
 * index.html, or null when there is none or the path would lead outside `root`.
 */
export async function siteFile(root, relPath) {
  const path = normalize(join(root, relPath));
  if (path !== root && !path.startsWith(root + sep)) return null;
  try {
    const info = await stat(path);
    const file = info.isDirectory() ? join(path, 'index.html') : path;
    await stat(file);
    return file;
  } catch {
    return null;
  }
}
