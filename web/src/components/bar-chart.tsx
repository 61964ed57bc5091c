import { useEffect, useRef, useState } from 'preact/hooks';
import { formatScore } from './grade-card.tsx';

export interface Bar {
  label: string;
  value: number;
}

/** A scale other than scores: counts up to `max`, bars in one neutral colour. */
export interface CountScale {
  max: number;
}

/**
 * Horizontal bars on a 0–10 scale (or a count scale) in plain SVG (a chart library would dwarf the app). The
 * viewBox tracks the rendered width, so one unit is one CSS pixel and text stays legible from a
 * 375 px phone to a desktop; colours come from CSS classes.
 */
export function BarChart({ bars, label, counts }: { bars: Bar[]; label: string; counts?: CountScale }) {
  const figure = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(520);
  useEffect(() => {
    const element = figure.current;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(([entry]) => {
      const measured = Math.round(entry?.contentRect.width ?? 0);
      if (measured > 0) setWidth(measured);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const rowHeight = 34;
  const labelWidth = Math.min(130, Math.round(width * 0.3));
  const valueWidth = 36;
  const chartWidth = Math.max(60, width - labelWidth - valueWidth);
  const height = bars.length * rowHeight + 24;
  const maxLabelChars = Math.max(4, Math.floor(labelWidth / 14));
  const max = counts ? Math.max(1, counts.max) : 10;
  const ticks = counts ? [...new Set([0, Math.round(max / 2), max])] : width < 360 ? [0, 5, 10] : [0, 2, 4, 6, 8, 10];
  const show = (value: number) => (counts ? String(value) : formatScore(value));
  return (
    <figure class="chart" ref={figure}>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
        <title>{label}</title>
        {ticks.map((tick) => {
          const x = labelWidth + (tick / max) * chartWidth;
          return (
            <g key={tick} class="chart-tick">
              <line x1={x} x2={x} y1={0} y2={bars.length * rowHeight} />
              <text x={x} y={bars.length * rowHeight + 16} text-anchor="middle">
                {tick}
              </text>
            </g>
          );
        })}
        {bars.map((bar, index) => {
          const y = index * rowHeight;
          const clamped = Math.max(0, Math.min(max, bar.value));
          const barWidth = Math.max(2, (clamped / max) * chartWidth);
          const tone = counts ? 'count' : clamped >= 8 ? 'high' : clamped >= 5 ? 'mid' : 'low';
          const shortLabel = bar.label.length > maxLabelChars ? `${bar.label.slice(0, maxLabelChars - 1)}…` : bar.label;
          return (
            <g key={bar.label}>
              <text class="chart-label" x={labelWidth - 8} y={y + rowHeight / 2 + 5} text-anchor="end">
                {shortLabel}
              </text>
              <rect class={`chart-bar chart-${tone}`} x={labelWidth} y={y + 6} width={barWidth} height={rowHeight - 12} rx={4} />
              <text class="chart-value" x={labelWidth + barWidth + 6} y={y + rowHeight / 2 + 5}>
                {show(bar.value)}
              </text>
            </g>
          );
        })}
      </svg>
      {/* A table grows to fit its longest row whatever width it is given, so the 1 px clip is on a box around it (else a long file name widens a phone's page). */}
      <div class="sr-only">
        <table>
          <caption>{label}</caption>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.label}>
                <th scope="row">{bar.label}</th>
                <td>{show(bar.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
