// Messages to stderr: diagnostics as `file:line: warning: …`, at most a few per file.
import { Warn } from '../errors.js';
import type { Diagnostic } from '../model.js';

export interface Reporter {
  diagnostic(d: Diagnostic): void;
  /** A failure of one input or output: `fmfi-plot: message`. */
  error(message: string): void;
  /** Says how many diagnostics of a file were not shown; `hidden` counts warnings dropped before reaching here. */
  endFile(file: string, hidden?: number): void;
  readonly warnings: number;
  readonly errors: number;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}` : d.file;
  return `${where}: ${d.severity}: ${d.message}`;
}

/** The stderr reporter; `perFile` bounds what a damaged log can print (0: no bound). */
export function stderrReporter(perFile: number, write: (s: string) => void = (s) => void process.stderr.write(s)): Reporter {
  const shown = new Map<string, number>();
  let warnings = 0;
  let errors = 0;
  return {
    diagnostic(d) {
      if (d.severity === 'warning') warnings++;
      else if (d.severity === 'error') errors++;
      const n = (shown.get(d.file) ?? 0) + 1;
      shown.set(d.file, n);
      if (perFile === 0 || n <= perFile) write(`${formatDiagnostic(d)}\n`);
    },
    error(message) {
      errors++;
      write(`fmfi-plot: ${message}\n`);
    },
    endFile(file, hidden = 0) {
      warnings += hidden;
      const n = (shown.get(file) ?? 0) + hidden;
      if (perFile > 0 && n > perFile) write(`${file}: ${Warn.MORE_WARNINGS(n - perFile)}\n`);
      shown.delete(file);
    },
    get warnings() {
      return warnings;
    },
    get errors() {
      return errors;
    },
  };
}
