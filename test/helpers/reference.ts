// The original pipeline for live tests: skip them with one line where it is absent, fail in CI.
import { locateReference, type Reference } from '../../fixtures/reference.js';
import { ROOT } from './cli.js';
import { inCI } from './programs.js';

/**
 * For `describe.skipIf(!reference)`: the reference folder (FMFI_REFERENCE_DIR, else
 * ../shared/reference beside the project), or null after saying that the tests that run it
 * are skipped. Under CI=true a missing reference throws: CI must run them.
 */
export function needReference(): Reference | null {
  const located = locateReference(ROOT);
  if (located.found) return located.reference;
  const message = `${located.problem}: the tests that run it are skipped, fixtures/golden is still checked (set FMFI_REFERENCE_DIR)`;
  if (inCI) throw new Error(`${message}; CI=true, so this is a failure`);
  process.stderr.write(`SKIP: ${message}\n`);
  return null;
}
