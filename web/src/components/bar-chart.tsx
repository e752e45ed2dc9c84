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
 * Bars per day (or minute) with uPlot: x are Unix seconds. The same figures are in a table
 * beside it for keyboards and screen readers; the chart itself is an image with a label.
 */
export function BarChart({
  x,
  series,
  label,
  height = 220,
}: {
  x: number[];
  series: Series[];
  label: string;
  height?: number;
}) {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!holder.current) return;
    const bars = uPlot.paths.bars!({ size: [0.7 / series.length, 40], align: 1 });
    const chart = new uPlot(
      {
        width: Math.max(320, holder.current.clientWidth),
        height,
        series: [
          {},
          ...series.map((s) => ({
            label: s.label,
            stroke: s.color,
            fill: s.color,
            paths: bars,
            points: { show: false },
          })),
        ],
        axes: [{}, { size: 50 }],
        legend: { show: true },
      },
      [x, ...series.map((s) => s.values)],
      holder.current,
    );
    return () => chart.destroy();
  }, [x, series, height]);
  return <div class="chart" ref={holder} role="img" aria-label={label} />;
}
