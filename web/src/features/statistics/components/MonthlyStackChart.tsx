import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { colourAt, frenchNumber, type Pivot } from '../statistics';

/** Counts per month stacked by key (a state, a CQPM), or side by side when not stacked; drawn at once (no animation). */
export function MonthlyStackChart({ pivot, yLabel, stacked = true }: { pivot: Pivot; yLabel: string; stacked?: boolean }) {
  return (
    <ResponsiveContainer width="100%" height={320} initialDimension={{ width: 640, height: 320 }}>
      <BarChart data={pivot.rows} margin={{ top: 8, right: 16, bottom: 8, left: 16 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="month" label={{ value: 'Mois', position: 'insideBottom', offset: -4 }} height={44} />
        <YAxis allowDecimals={false} label={{ value: yLabel, angle: -90, position: 'insideLeft' }} />
        <Tooltip formatter={(value) => frenchNumber(Number(value), 0)} />
        <Legend verticalAlign="top" />
        {pivot.keys.map(({ key, label }, index) => (
          <Bar key={key} dataKey={key} name={label} stackId={stacked ? 'month' : undefined} fill={colourAt(index)} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
