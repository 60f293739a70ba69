// Builds the ECharts bundle the app ships (scripts/echarts-custom.mjs) with esbuild.
//
//   node scripts/build-echarts.mjs [OUT_DIR]      (default target/echarts)
//
// Writes OUT_DIR/echarts.min.js and prints its path. Run by Trunk before every build (Trunk.toml). The
// performance harness compares the shipped bundle's size with the npm package's full echarts.min.js
// (bench/build-pages.mjs).
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

/** The comment that asks the browser to compile the whole bundle ahead (it must open the file). */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** Bundles scripts/echarts-custom.mjs into OUT_DIR/echarts.min.js; returns that file's path. */
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
    // Chromium's compile hint: compile every function while the script streams in, off the page's
    // thread, instead of each on its first call, which made drawing the first chart a long task.
    banner: { js: COMPILE_HINT },
    logLevel: 'warning',
    absWorkingDir: root,
  });
  return outfile;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(await buildCustomEcharts(process.argv[2] ? resolve(process.argv[2]) : undefined));
}
