// The comparison's notes: lines wrapped at spaces, whatever the words.
import { describe, expect, it } from 'vitest';
import { wrapNote } from '../../../src/views/compare/notes.js';

describe('wrapNote', () => {
  it('breaks at the last space that fits, the lines after the first indented', () => {
    expect(wrapNote('one two three four', 9)).toEqual(['one two', '    three', '    four']);
  });

  it('leaves a word longer than a line whole, after a break or not (a 240-byte log name hung the index page)', () => {
    const long = 'x'.repeat(40);
    expect(wrapNote(long, 20)).toEqual([long]);
    expect(wrapNote(`label ${long} end`, 20)).toEqual(['label', `    ${long} end`]);
  });
});
