// The ECharts the app ships: only what the app's charts use (src/charts/*.rs: bar, radar, scatter and
// line series; grid, legend, tooltip, radar, aria (with decals) and title components; the canvas
// renderer), exposed as the global `echarts` that src/web/components/chart.rs calls (init + setOption), like the npm package's
// dist/echarts.min.js but about half its size. Built by scripts/build-echarts.mjs (a Trunk pre-build
// hook). A chart that needs another series or component must add it here.
import * as echarts from 'echarts/core';
import { BarChart, LineChart, RadarChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  RadarComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
// `grid.containLabel` (paired_share_bars) needs this feature since ECharts 6.
import { LegacyGridContainLabel } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart, LineChart, RadarChart, ScatterChart,
  AriaComponent, GridComponent, LegendComponent, RadarComponent, TitleComponent, TooltipComponent,
  LegacyGridContainLabel,
  CanvasRenderer,
]);

globalThis.echarts = echarts;
