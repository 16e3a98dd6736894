// The options of the commands that draw: the picture's size and the height axis, worded alike in each.
import { Option } from 'commander';
import { DEFAULT_HEIGHT_RANGE, DEFAULT_Z_RANGE, formatHeightRange, formatZRange, parseHeightRange, parseZRange } from '../summary/height.js';
import { optionParser, sizeBetween } from './options.js';

/** `--width`: pixels from `min` to `max`. */
export const widthOption = (what: string, min: number, max: number, defaultWidth: number, note = ''): Option =>
  new Option('--width <PX>', `${what}, ${min} to ${max}${note}`).argParser(sizeBetween(min, max)).default(defaultWidth);

/** `--height`: pixels from `min` to `max` with one NUMA domain; each further domain adds a panel. */
export const heightOption = (what: string, min: number, max: number, defaultHeight: number): Option =>
  new Option('--height <PX>', `${what} with one NUMA domain, ${min} to ${max}; each further domain adds a panel as tall`)
    .argParser(sizeBetween(min, max))
    .default(defaultHeight);

/** `--z-range`: the height axis of a picture, the same in every command that draws. */
export const zRangeOption = (withIndex: boolean): Option =>
  new Option(
    '--z-range <RANGE>',
    `height axis: MIN:MAX, or auto (from the lowest to the highest value in the data); values beyond MIN:MAX are drawn at the limit, marked and counted${withIndex ? '; with --index unusable, 0:1000 unless given' : ''}`,
  )
    .argParser(optionParser(parseZRange))
    .default(DEFAULT_Z_RANGE, formatZRange(DEFAULT_Z_RANGE));

/** `--z-range` of the chart, which also has the split scale (its default). */
export const heightRangeOption = (): Option =>
  new Option(
    '--z-range <RANGE>',
    'height axis: MIN:MAX, or auto (from the lowest to the highest value in the data), both linear, values beyond MIN:MAX drawn at the limit, ' +
      'marked and counted (-1000:1000: the original template); or split: 0 to 1000 linear above the zero plane and a log scale below it ' +
      'down to the lowest value, nothing clipped; with --index unusable, 0:1000 unless given; 3d style only',
  )
    .argParser(optionParser(parseHeightRange))
    .default(DEFAULT_HEIGHT_RANGE, formatHeightRange(DEFAULT_HEIGHT_RANGE));
