import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { colourAt } from '../statistics';

/**
 * One horizontal bar per category (a stage, a CQPM): long French names stay
 * readable on the left, whatever their number. `dataKey` reads the value,
 * `name` names it in the legend.
 */
export function CategoryBarChart({
  rows,
  categoryKey,
  dataKey,
  name,
  valueLabel,
  format,
  integers = false,
  colourIndex = 0,
}: {
  rows: readonly object[];
  /** The member of each row that names its category, and the one holding its value. */
  categoryKey: string;
  dataKey: string;
  name: string;
  /** The value axis' title. */
  valueLabel: string;
  format: (value: number) => string;
  /** Counts: no ticks between whole numbers. */
  integers?: boolean;
  colourIndex?: number;
}) {
  const height = Math.max(180, rows.length * 44 + 90);
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 640, height }}>
      <BarChart
        data={rows as Array<Record<string, unknown>>}
        layout="vertical"
        margin={{ top: 8, right: 24, bottom: 16, left: 8 }}
        accessibilityLayer={false}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          type="number"
          allowDecimals={!integers}
          tickFormatter={(value: number) => format(value)}
          label={{ value: valueLabel, position: 'insideBottom', offset: -10 }}
        />
        <YAxis type="category" dataKey={categoryKey} width={170} tick={{ fontSize: 12 }} interval={0} />
        <Tooltip formatter={(value) => format(Number(value))} />
        <Legend verticalAlign="top" />
        <Bar dataKey={dataKey} name={name} fill={colourAt(colourIndex)} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
