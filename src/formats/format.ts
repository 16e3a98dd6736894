// The seam every input format plugs into: recognise a log by its first bytes, then stream typed samples.
//
// A format is a folder listed in registry.ts: info.ts says its names and how to recognise
// it (every run loads that), index.ts exports its `LogFormat` with the reader (loaded only
// when a log of that format is read). Nothing else (no command, no view) knows which
// formats exist.
import type { Diagnostic, LocalTime, Sample } from '../model.js';

/** Where a reader hands what it reads. */
export interface ReaderSink {
  /** With `reuseSamples`, `sample` is valid only during the call. */
  sample(sample: Sample): void;
  diagnostic(diagnostic: Diagnostic): void;
}

export interface ReaderOptions {
  /** Longer lines are skipped as they stream by, so one huge line is never held whole. */
  readonly maxLineLength?: number;
  /**
   * True hands the sink the same sample objects every time, rewritten: the sink must
   * not keep a sample, or anything in it, after `sample()` returns. Streaming sinks
   * then cost no allocation per row. Off by default: a caller that keeps samples must
   * never get rewritten objects.
   */
  readonly reuseSamples?: boolean;
}

/** What a reader saw in one log, for summaries and chart notes. */
export interface ReadSummary {
  samples: number;
  /** Samples with at least one row. */
  samplesWithData: number;
  rows: number;
  warnings: number;
  first: LocalTime | null;
  last: LocalTime | null;
}

/** A streaming reader of one log: chunks in, samples and diagnostics out to its sink. */
export interface LogReader {
  /** Feeds the next piece of the log; pieces may split lines anywhere. */
  write(chunk: Buffer | string): void;
  /** Ends the log (a last line without a newline is read now) and says what was seen. */
  end(): ReadSummary;
  /** Lines read so far. */
  readonly lines: number;
}

/** What the registry knows of a format before its reader is loaded: its names, and how to recognise its logs. */
export interface FormatInfo {
  /** What `--input-format` calls it. */
  readonly name: string;
  /** What its logs hold, for messages: `vm.phys_frag_idx`. */
  readonly title: string;
  /**
   * How much of a log starting with `head` (its first bytes, latin1) is in this format: 0
   * nothing; else about the number of its samples there (see `markScore`). The format with
   * the most wins, so a stray sample of another format near the top does not decide how the
   * log is read; a log none recognises goes to the default.
   */
  recognise(head: string): number;
}

/**
 * A recognise() score from the lines that mark a sample of a format: how many of them
 * `head` has, plus a fraction for how early the first one is (of two formats with as many
 * samples, the one the log starts with wins); 0 without any.
 */
export function markScore(head: string, mark: RegExp): number {
  const global = new RegExp(mark.source, mark.flags.includes('g') ? mark.flags : `${mark.flags}g`);
  let count = 0;
  let first = -1;
  for (const m of head.matchAll(global)) {
    if (first < 0) first = m.index;
    count++;
  }
  return count === 0 ? 0 : count + 1 - first / (head.length + 1);
}

/** An input format. */
export interface LogFormat extends FormatInfo {
  reader(file: string, sink: ReaderSink, options?: ReaderOptions): LogReader;
}
