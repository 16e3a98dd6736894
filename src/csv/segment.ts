// One segment of a large log → its CSV bytes: the unit of work of `fmfi-plot csv` on several cores.
import { DiagnosticCollector } from '../batch/collector.js';
import type { Diagnostic } from '../model.js';
import { readLog } from '../parse/parse-log.js';
import { LogParser, type ParseSummary } from '../parse/parser.js';
import type { Segment } from '../parse/segments.js';
import type { DomainFilter } from './awk.js';
import { ByteBuilder } from './bytes.js';
import { CsvWriter, type Dialect } from './writer.js';

export interface SegmentTask {
  readonly path: string;
  /** The name in messages. */
  readonly file: string;
  readonly segment: Segment;
  readonly dialect: Dialect;
  readonly domain: DomainFilter;
  readonly warningLimit: number;
}

export interface SegmentResult {
  readonly bytes: Uint8Array;
  /** Line numbers count from the segment's first line. */
  readonly diagnostics: readonly Diagnostic[];
  readonly hiddenWarnings: number;
  readonly summary: ParseSummary;
  readonly lines: number;
}

export async function csvSegment(task: SegmentTask): Promise<SegmentResult> {
  const out = new ByteBuilder(1 << 20);
  const collector = new DiagnosticCollector(task.warningLimit);
  const writer = new CsvWriter(task.dialect, task.domain, task.file, collector.add);
  const parser = new LogParser(task.file, { sample: (s) => writer.sample(s, out), diagnostic: collector.add }, { segment: true });
  for await (const chunk of readLog(task.path, task.segment)) parser.write(chunk);
  const summary = parser.end();
  return { bytes: out.take(), diagnostics: collector.kept, hiddenWarnings: collector.hiddenWarnings, summary, lines: parser.lines };
}
