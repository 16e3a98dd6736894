// Messages to stderr: diagnostics as `file:line: warning: …`, at most a few per file.
import { escapeName, Say } from '../errors.js';
import { formatDiagnostic, type Reporter } from '../report.js';

export type { Reporter } from '../report.js';

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
      if (perFile > 0 && n > perFile) write(`${escapeName(file)}: ${Say.MORE_WARNINGS(n - perFile)}\n`);
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
