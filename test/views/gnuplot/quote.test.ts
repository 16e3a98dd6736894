import { describe, expect, it } from 'vitest';
import { gnuplotString } from '../../../src/views/gnuplot/quote.js';

describe('gnuplotString', () => {
  it('double-quotes plain text unchanged', () => {
    expect(gnuplotString('vm_frag_20240408_1005.log')).toBe('"vm_frag_20240408_1005.log"');
    expect(gnuplotString("a'; system(\"touch x\"); '.log")).toBe('"a\'; system(\\"touch x\\"); \'.log"');
  });

  it('escapes the string syntax: backslash and double quote', () => {
    expect(gnuplotString('a\\b"c')).toBe('"a\\\\b\\"c"');
  });

  it('writes backquotes and @ as octal escapes, so no command or macro substitution can see them', () => {
    const s = gnuplotString('a`touch pwned`b @macro');
    expect(s).toBe('"a\\140touch pwned\\140b \\100macro"');
    expect(s).not.toContain('`');
    expect(s).not.toContain('@');
  });

  it('shows control characters visibly, so no newline can end the command', () => {
    expect(gnuplotString('a\nb\tc\rd\x1be\x7f')).toBe('"a\\\\nb\\\\tc\\\\rd\\\\x1be\\\\x7f"');
    expect(gnuplotString('x\n"; system("touch y") #')).not.toMatch(/[\n\r]/);
  });

  it('breaks up ]]>, which XML forbids in text', () => {
    expect(gnuplotString('a]]>b')).toBe('"a]]\u200b>b"');
  });

  it('keeps non-ASCII text as it is', () => {
    expect(gnuplotString('Protokoll – äöü · 日本')).toBe('"Protokoll – äöü · 日本"');
  });
});
