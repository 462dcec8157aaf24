// Lists of short texts typed one per line (habilitations held, equipment
// names...): the text the user types is kept as is while they type, and
// becomes a list only when it is sent.

/** The non-blank lines of a text, trimmed, without duplicates (case-insensitive), in order. */
export function parseLines(text: string): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const part of text.split(/\r?\n/)) {
    const line = part.trim();
    const key = line.toLocaleLowerCase('fr');
    if (!line || seen.has(key)) continue;
    seen.add(key);
    lines.push(line);
  }
  return lines;
}

/** The text with `entry` added on a line of its own, unless it is already there. */
export function appendLine(text: string, entry: string): string {
  const value = entry.trim();
  if (!value) return text;
  const key = value.toLocaleLowerCase('fr');
  if (parseLines(text).some((line) => line.toLocaleLowerCase('fr') === key)) return text;
  const base = text.replace(/\s+$/, '');
  return base ? `${base}\n${value}` : value;
}

/** A list as the text the user edits: one entry per line. */
export function joinLines(values: unknown): string {
  return Array.isArray(values) ? values.filter((v): v is string => typeof v === 'string').join('\n') : '';
}

/** The length of a text in UTF-8 bytes, as the server counts its limits. */
export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}
