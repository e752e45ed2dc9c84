import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface Series {
  label: string;
  values: number[];
  /** A colour with at least 3:1 contrast on white (WCAG AA for graphics). */
  color: string;
}

/**
 * A time chart with uPlot, x in Unix seconds: `stacked` bars (one per x, the series stacked in
 * their order, the first at the bottom) or `lines`. The same figures are in a table or tiles
 * beside it for keyboards and screen readers; the chart itself is an image with a label.
 */
export function TimeChart({
  x,
  series,
  label,
  kind,
  step,
  height = 220,
}: {
  x: number[];
  series: Series[];
  label: string;
  kind: 'stacked' | 'lines';
  /** Seconds between two x: the x range gets half a step on each side. */
  step: number;
  height?: number;
}) {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!holder.current || x.length === 0) return;
    // Stacking by drawing sums: the first drawn is the total, each next one a sum of fewer.
    const drawn = kind === 'stacked' ? [...series].reverse() : series;
    const values =
      kind === 'stacked'
        ? drawn.map((_, k) =>
            x.map((_, i) => drawn.slice(k).reduce((sum, s) => sum + s.values[i], 0)),
          )
        : drawn.map((s) => s.values);
    const chart = new uPlot(
      {
        width: Math.max(320, holder.current.clientWidth),
        height,
        scales: {
          x: { time: true, range: () => [x[0] - step / 2, x[x.length - 1] + step / 2] },
          y: { range: (_u, _min, max) => [0, Math.max(1, max)] },
        },
        series: [
          {},
          ...drawn.map((s) => ({
            label: s.label,
            stroke: s.color,
            fill: kind === 'stacked' ? s.color : undefined,
            width: kind === 'lines' ? 2 : 0,
            paths:
              kind === 'stacked' ? uPlot.paths.bars!({ size: [0.7, 60], align: 0 }) : undefined,
            points: { show: kind === 'lines' && x.length < 3 },
          })),
        ],
        axes: [{}, { size: 50 }],
        legend: { show: true, live: false },
      },
      [x, ...values],
      holder.current,
    );
    return () => chart.destroy();
  }, [x, series, kind, step, height]);
  return <div class="chart" ref={holder} role="img" aria-label={label} />;
}
