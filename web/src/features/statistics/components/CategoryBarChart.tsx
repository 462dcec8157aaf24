import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { colourAt } from '../statistics';

/** One bar per category (a stage, a CQPM), its value read by `dataKey`, its name in the legend. */
export function CategoryBarChart({
  rows,
  categoryKey,
  dataKey,
  name,
  yLabel,
  format,
  colourIndex = 0,
}: {
  rows: readonly object[];
  /** The member of each row that names its category, and the one holding its value. */
  categoryKey: string;
  dataKey: string;
  name: string;
  yLabel: string;
  format: (value: number) => string;
  colourIndex?: number;
}) {
  return (
    <ResponsiveContainer width="100%" height={320} initialDimension={{ width: 640, height: 320 }}>
      <BarChart data={rows as Array<Record<string, unknown>>} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey={categoryKey} interval={0} tick={{ fontSize: 12 }} height={60} />
        <YAxis tickFormatter={(value: number) => format(value)} label={{ value: yLabel, angle: -90, position: 'insideLeft' }} />
        <Tooltip formatter={(value) => format(Number(value))} />
        <Legend verticalAlign="top" />
        <Bar dataKey={dataKey} name={name} fill={colourAt(colourIndex)} />
      </BarChart>
    </ResponsiveContainer>
  );
}
