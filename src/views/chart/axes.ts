// The Vega axes of a panel: time and height on the front face, height again on the back wall.
import type { Axis } from 'vega';
import { DEPTH_TITLE_RISE, FONT_SIZE, MARGIN_LEFT } from './layout.js';
import { AXIS_GREY, INK, MUTED_INK } from '../../summary/palette.js';
import type { Scene } from './scene.js';

/**
 * The height ticks, as positions on the `z` scale (0 at the bottom of the range, 1 at its
 * top: the split scale is not one Vega has), and their labels, looked up by position.
 */
function heightTickValues(scene: Scene): number[] {
  return scene.height.ticks.map((v) => scene.height.position(v));
}

function heightLabels(scene: Scene): Axis['encode'] {
  const byPosition = Object.fromEntries(scene.height.ticks.map((v, i) => [String(scene.height.position(v)), scene.height.labels[i]!]));
  return { labels: { update: { text: { signal: `${JSON.stringify(byPosition)}[datum.value]` } } } };
}

/**
 * Height labels on the back-right edge, for reading the back rows. Ticks near the floor
 * are left out: the block sizes' title and the back row's label sit at that corner, and a
 * label is centred on its tick, so it must clear the top of the title by half its height.
 */
export function backAxis(scene: Scene): Axis {
  const { layout } = scene;
  const clear = DEPTH_TITLE_RISE + FONT_SIZE.axisTitle + FONT_SIZE.label / 2 + 2;
  return {
    scale: 'z',
    orient: 'right',
    values: heightTickValues(scene).filter((p) => p * layout.zPx >= clear),
    encode: heightLabels(scene),
    labelFontSize: FONT_SIZE.label,
    labelColor: MUTED_INK,
    labelOverlap: false,
    domainColor: AXIS_GREY,
    tickColor: AXIS_GREY,
    aria: false,
  };
}

/** Words, not arrows: the title is turned a quarter, and so would an arrow be. */
function heightTitle(scene: Scene): string {
  const { height, heightTitle: title } = scene;
  const ways = title === 'FMFI' ? 'fragmented, down easy' : 'worse, down better';
  if (height.kind === 'split') return `${title}: up ${ways.replace(', down', ' (linear), down')} (log scale)`;
  return `${title}${height.auto ? ', full range' : ''}: up ${ways}`;
}

/** Time (two label rows) along the front floor edge, height up the front-left edge. */
export function frontAxes(scene: Scene): Axis[] {
  const { ticks, height } = scene;
  const common = {
    labelFontSize: FONT_SIZE.label,
    labelColor: INK,
    // Ticks were chosen so labels never touch (time-ticks.ts); Vega must not drop any.
    labelOverlap: false,
    domainColor: AXIS_GREY,
    tickColor: AXIS_GREY,
    zindex: 1,
  } as const;
  return [
    { ...common, scale: 'x', orient: 'bottom', values: ticks.values, format: ticks.format, formatType: 'utc', labelPadding: 3 },
    {
      ...common,
      scale: 'x',
      orient: 'bottom',
      values: ticks.majorValues,
      format: ticks.majorFormat,
      formatType: 'utc',
      ticks: false,
      domain: false,
      labelPadding: 20,
      labelFontWeight: 'bold',
      aria: false,
    },
    {
      ...common,
      scale: 'z',
      orient: 'left',
      values: heightTickValues(scene),
      encode: heightLabels(scene),
      title: heightTitle(scene),
      // Placed by hand: Vega, measuring without a canvas, takes `−1,000,000` for wider than it is
      // and would push the title off the picture.
      titleX: -(MARGIN_LEFT - FONT_SIZE.axisTitle - 4),
      titleY: scene.layout.zPx / 2,
      titleFontSize: FONT_SIZE.axisTitle,
      titleFontWeight: 'normal',
      titleColor: INK,
      titlePadding: 6,
    },
  ];
}
