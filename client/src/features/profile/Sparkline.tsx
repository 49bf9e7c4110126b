// A small line of an area's values against the city's, on a shared scale. Pure SVG, no library.
// Inside a button that opens the full chart it is decoration (no label): the button names it.
export interface Point {
  year: number;
  value: number | null;
}

export function sparkPath(points: Point[], x: (year: number) => number, y: (v: number) => number): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (p.value === null) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${x(p.year).toFixed(1)},${y(p.value).toFixed(1)}`;
    pen = true;
  }
  return d;
}

export function Sparkline({ area, city, label, width = 90, height = 28 }: { area: Point[]; city: Point[]; label?: string; width?: number; height?: number }) {
  const all = [...area, ...city].filter((p) => p.value !== null) as { year: number; value: number }[];
  if (all.length < 2) return null;
  const years = all.map((p) => p.year);
  const values = all.map((p) => p.value);
  const [y0, y1] = [Math.min(...years), Math.max(...years)];
  const [v0, v1] = [Math.min(...values), Math.max(...values)];
  const pad = 3;
  const x = (yr: number) => pad + ((yr - y0) / Math.max(1, y1 - y0)) * (width - 2 * pad);
  const y = (v: number) => height - pad - ((v - v0) / (v1 - v0 || 1)) * (height - 2 * pad);
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="sparkline" {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}>
      {city.some((p) => p.value !== null) && <path d={sparkPath(city, x, y)} fill="none" stroke="#767676" strokeWidth={1.5} strokeDasharray="3 2" data-line="city" />}
      <path d={sparkPath(area, x, y)} fill="none" stroke="#0b4f8a" strokeWidth={2} data-line="area" />
    </svg>
  );
}
