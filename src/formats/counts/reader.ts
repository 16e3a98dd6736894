// What every count format's reader does besides reading its own lines: split the chunks into lines, and end the log.
import type { LogReader, ReaderOptions, ReaderSink, ReadSummary } from '../format.js';
import { LineSplitter } from '../lines.js';
import { CountSamples } from './samples.js';

export abstract class CountReader implements LogReader {
  protected readonly samples: CountSamples;
  private readonly splitter: LineSplitter;

  protected constructor(file: string, sink: ReaderSink, options: ReaderOptions, title: string) {
    this.samples = new CountSamples(file, sink, title);
    this.splitter = new LineSplitter(
      {
        line: (text, lineNo, complete) => this.line(text, lineNo, complete),
        crlf: (lineNo) => this.samples.warn(lineNo, 'CRLF'),
        longLine: (lineNo, limit) => this.samples.warn(lineNo, 'LONG_LINE', limit),
      },
      options.maxLineLength,
    );
  }

  /** One line of the log, without its newline; `complete` is false for a last line without one. */
  protected abstract line(raw: string, lineNo: number, complete: boolean): void;

  /** After the last line, before the last sample closes: what the format still has to say about it. */
  protected endOfLines(): void {}

  get lines(): number {
    return this.splitter.lines;
  }

  write(chunk: Buffer | string): void {
    this.splitter.write(chunk);
  }

  end(): ReadSummary {
    this.splitter.end();
    this.endOfLines();
    return this.samples.finish();
  }
}
