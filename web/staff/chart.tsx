// One bar or pie chart on ECharts' canvas renderer, imported piece by piece from `echarts/core`
// so the console carries only what it draws (and the wallet nothing of it: this module is loaded
// with the statistics page alone). Canvas means no eval and nothing our CSP refuses. A canvas says
// nothing to a screen reader: every chart comes with the table of its figures (see statistics.tsx).
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface Series {
  name: string;
  values: number[];
}

// Colours that stay apart for the common colour-vision deficiencies (Okabe–Ito).
const palette = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000'];

export function Chart({
  kind,
  labels,
  series,
  label,
}: {
  kind: 'bar' | 'pie';
  labels: string[];
  series: Series[];
  /** What the chart shows, for assistive technology (the figures are in the table next to it). */
  label: string;
}) {
  const option =
    kind === 'pie'
      ? {
          color: palette,
          animation: false,
          tooltip: { trigger: 'item' },
          legend: { bottom: 0 },
          series: [
            {
              type: 'pie',
              radius: ['35%', '65%'],
              data: labels.map((name, i) => ({ name, value: series[0]?.values[i] ?? 0 })),
              label: { formatter: '{b}: {c}' },
            },
          ],
        }
      : {
          color: palette,
          animation: false,
          tooltip: { trigger: 'axis' },
          legend: series.length > 1 ? { bottom: 0 } : undefined,
          grid: { left: 48, right: 16, top: 16, bottom: series.length > 1 ? 56 : 32, containLabel: true },
          xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, hideOverlap: true } },
          yAxis: { type: 'value', minInterval: 1 },
          series: series.map((s) => ({
            type: 'bar',
            name: s.name,
            stack: series.length > 1 ? 'total' : undefined,
            data: s.values,
          })),
        };
  return (
    <div role="img" aria-label={label}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: 260, width: '100%' }}
        opts={{ renderer: 'canvas' }}
      />
    </div>
  );
}
