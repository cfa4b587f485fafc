// Just enough of source map v3 to answer "which source line did this bundle line come from".
// The Electronegativity test scans the bundles but reads the reviewers' `eng-disable` comments
// on the source lines: esbuild moves a trailing comment onto a line of its own.

export interface SourceMapV3 {
  version: 3;
  sources: string[];
  sourcesContent?: (string | null)[];
  mappings: string;
}

export interface OriginalLine {
  /** As written in the map (relative to the map's folder). */
  source: string;
  /** 1-based. */
  line: number;
  /** The source line's text, from sourcesContent. */
  text: string;
  /** The line above it. */
  above: string;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    if (digit < 0) throw new Error(`bad VLQ digit ${char}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

interface Segment {
  column: number;
  source: number;
  line: number;
}

/** Decoded mappings: for each generated line (0-based), its segments in column order. */
function decode(map: SourceMapV3): Segment[][] {
  const lines: Segment[][] = [];
  let source = 0;
  let line = 0;
  for (const encodedLine of map.mappings.split(';')) {
    const segments: Segment[] = [];
    let generatedColumn = 0;
    for (const encoded of encodedLine.split(',')) {
      if (encoded === '') continue;
      // [generated column, source, source line, source column, name]; the source column is not needed.
      const [dColumn = 0, dSource, dLine] = decodeVlq(encoded);
      generatedColumn += dColumn;
      if (dSource === undefined || dLine === undefined) continue;
      source += dSource;
      line += dLine;
      segments.push({ column: generatedColumn, source, line });
    }
    lines.push(segments);
  }
  return lines;
}

/**
 * The source line of a generated position (line 1-based, column 0-based): the last mapping at or
 * before the column on that line, else the line's first mapping.
 */
export function originalLine(map: SourceMapV3, line: number, column: number): OriginalLine | null {
  const segments = decode(map)[line - 1] ?? [];
  const before = segments.filter((s) => s.column <= column);
  const segment = before[before.length - 1] ?? segments[0];
  if (!segment) return null;
  const source = map.sources[segment.source];
  const content = map.sourcesContent?.[segment.source];
  if (source === undefined || content == null) return null;
  const lines = content.split('\n');
  return { source, line: segment.line + 1, text: lines[segment.line] ?? '', above: lines[segment.line - 1] ?? '' };
}
