// The Vega axes of a panel: time and height on the front face, height again on the back wall.
import type { Axis } from 'vega';
import { FONT_SIZE } from './layout.js';
import { AXIS_GREY, INK, MUTED_INK } from '../../summary/palette.js';
import type { Scene } from './scene.js';

/** Height labels through Vega's `format()`, which unlike an axis format adds no shared SI prefix (`0M`). */
function heightLabels(scene: Scene): Axis['encode'] {
  return { labels: { update: { text: { signal: `format(datum.value, '${scene.height.format}')` } } } };
}

/**
 * Height labels on the back-right edge, for reading the back rows. Ticks near the floor
 * are left out: the back row's block-size label sits at that corner.
 */
export function backAxis(scene: Scene): Axis {
  const { height, layout } = scene;
  const clear = FONT_SIZE.label + 4;
  return {
    scale: 'z',
    orient: 'right',
    values: height.ticks.filter((v) => ((v - height.min) / (height.max - height.min)) * layout.zPx >= clear),
    encode: heightLabels(scene),
    labelFontSize: FONT_SIZE.label,
    labelColor: MUTED_INK,
    labelOverlap: false,
    domainColor: AXIS_GREY,
    tickColor: AXIS_GREY,
    aria: false,
  };
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
      values: height.ticks,
      encode: heightLabels(scene),
      // Words, not arrows: the title is turned a quarter, and so would an arrow be.
      title: `${scene.heightTitle}${height.auto ? ', full range' : ''}: up ${scene.heightTitle === 'FMFI' ? 'fragmented, down easy' : 'worse, down better'}`,
      titleFontSize: FONT_SIZE.axisTitle,
      titleFontWeight: 'normal',
      titleColor: INK,
      titlePadding: 6,
    },
  ];
}
