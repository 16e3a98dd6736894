// The `set terminal` line: the chosen terminal at the chosen size, in the unit it measures in.
import { Terminal } from './options.js';

/** gnuplot's inch terminals get this many of our pixels to the inch. */
const PIXELS_PER_INCH = 100;

export function terminalCommand(terminal: Terminal, width: number, height: number): string {
  const size =
    Terminal[terminal] === 'in'
      ? `${width / PIXELS_PER_INCH}in,${height / PIXELS_PER_INCH}in`
      : `${width},${height}`;
  // A white background: the picture reads the same in a dark viewer.
  return `set terminal ${terminal} size ${size} background "#ffffff"`;
}
