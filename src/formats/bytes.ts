// Lines of a log as bytes: character codes and the small comparisons every format's scanner makes.

export const SPACE = 32;
export const TAB = 9;
export const CR = 13;
export const LF = 10;
export const DASH = 45;
export const ZERO = 48;
export const NINE = 57;
export const COLON = 58;
export const UNDERSCORE = 95;
export const D = 68;

/** A literal as the bytes a log holds (logs are read as latin1: one byte, one character). */
export const ascii = (text: string): Buffer => Buffer.from(text, 'latin1');

/** Whether s[start, end) is exactly `literal`. */
export function matches(s: Uint8Array, start: number, end: number, literal: Uint8Array): boolean {
  if (end - start !== literal.length) return false;
  for (let i = 0; i < literal.length; i++) if (s[start + i] !== literal[i]) return false;
  return true;
}

/** Whether `literal` is at s[p], before s[end]. */
export function startsWith(s: Uint8Array, p: number, end: number, literal: Uint8Array): boolean {
  if (p + literal.length > end) return false;
  for (let i = 0; i < literal.length; i++) if (s[p + i] !== literal[i]) return false;
  return true;
}

export function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

/** The two decimal digits at s[i], or -1. */
export function twoDigits(s: Uint8Array, i: number): number {
  const a = s[i]! - ZERO;
  const b = s[i + 1]! - ZERO;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Shows raw latin1 text in a message as the UTF-8 a terminal would have shown. */
export function display(raw: string): string {
  return Buffer.from(raw, 'latin1').toString('utf8');
}
