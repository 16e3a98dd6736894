// Where diagnostics and failures go while logs are read: a Reporter, and the one way a diagnostic is written.
import { escapeName } from './errors.js';
import type { Diagnostic } from './model.js';

export interface Reporter {
  diagnostic(d: Diagnostic): void;
  /** A failure of one input or output: `fmfi-plot: message`. */
  error(message: string): void;
  /** Says how many diagnostics of a file were not shown; `hidden` counts warnings dropped before reaching here. */
  endFile(file: string, hidden?: number): void;
  readonly warnings: number;
  readonly errors: number;
}

/** `file:line: warning: message`, or `file: warning: message` for the whole file; the name escaped (escapeName). */
export function formatDiagnostic(d: Diagnostic): string {
  const file = escapeName(d.file);
  const where = d.line > 0 ? `${file}:${d.line}` : file;
  return `${where}: ${d.severity}: ${d.message}`;
}
