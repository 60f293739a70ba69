// Builds the ECharts bundle the app ships (scripts/echarts-custom.mjs) with esbuild, and compares its
// size with the npm package's full dist/echarts.min.js, raw and gzip.
//
//   node scripts/build-echarts.mjs [OUT_DIR]      (default target/echarts)
//
// Writes OUT_DIR/echarts.min.js and prints a JSON summary. Run by Trunk before every build (Trunk.toml)
// and by the performance harness.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

/** Raw and gzip (level 9, as e2e/serve.mjs serves) sizes of a file, in bytes. */
export function sizes(path) {
  const body = readFileSync(path);
  return { raw: statSync(path).size, gzip: gzipSync(body, { level: 9 }).length };
}

export async function buildCustomEcharts(outDir = join(root, 'target/echarts')) {
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'echarts.min.js');
  await build({
    entryPoints: [join(here, 'echarts-custom.mjs')],
    outfile,
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    // ECharts checks process.env.NODE_ENV for its development warnings.
    define: { 'process.env.NODE_ENV': '"production"', __DEV__: 'false' },
    logLevel: 'warning',
    absWorkingDir: root,
  });
  const full = sizes(join(root, 'node_modules/echarts/dist/echarts.min.js'));
  const custom = sizes(outfile);
  return {
    file: outfile,
    full,
    custom,
    saving: { raw: full.raw - custom.raw, gzip: full.gzip - custom.gzip, gzipShare: 1 - custom.gzip / full.gzip },
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await buildCustomEcharts(process.argv[2] ? resolve(process.argv[2]) : undefined);
  console.log(JSON.stringify(result, null, 2));
}
