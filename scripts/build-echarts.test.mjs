// The shipped ECharts bundle (scripts/build-echarts.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCustomEcharts, COMPILE_HINT } from './build-echarts.mjs';

test('the bundle opens with the compile hint, and is a minified script that defines echarts', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'echarts-'));
  t.after(() => rmSync(dir, { recursive: true }));
  const text = readFileSync(await buildCustomEcharts(dir), 'utf8');
  assert.ok(text.startsWith(`${COMPILE_HINT}\n`), text.slice(0, 80));
  assert.match(text, /echarts/);
  // Only the hint survives as a comment line at the top: the rest is one minified script.
  assert.equal(text.split('\n').filter((line) => line.startsWith('//')).length, 1);
});
