// The Vega spec of one boot window's chart: a pure function of the bins, the caption and the options.
//
//   bins ─► scene (layout, scales, row paths, labels, notes; scene.ts)
//        ─► spec: 1. page (size, title, fonts)  2. data  3. scales
//                 4. one panel per NUMA domain: walls, rows back to front, axes (axes.ts), block sizes
//                 5. notes under the panels
import type { GroupMark, Mark, Spec } from 'vega';
import { backAxis, frontAxes } from './axes.js';
import type { TimeBins } from '../../summary/bins.js';
import type { Caption } from '../../summary/caption.js';
import { FONT_FAMILY } from '../../render/fonts.js';
import { DEPTH_TITLE_RISE, FONT_SIZE, NOTE_LINE, PANEL_TOP } from './layout.js';
import type { ChartOptions } from './options.js';
import { AXIS_GREY, CLIP_COLOUR, GRID, INK, MUTED_INK, PLANE_FILL } from '../../summary/palette.js';
import { chartScene, NOTE_INDENT, PAGE_MARGIN, type Scene } from './scene.js';
import type { Box } from './rows.js';

const LEFT = PAGE_MARGIN;

/**
 * The box of each row's path (rows.ts knows it as it writes the path), for the row objects
 * of the specs made here: drawing finds it here instead of reading the path's text
 * (stand-ins.ts). Not in the spec itself, which stays what Vega is given to draw.
 */
const ROW_BOXES = new WeakMap<object, Box>();

/** The box of a row of a spec made by chartSpec, as rows.ts wrote its path; undefined for any other object. */
export function rowBox(row: object): Box | undefined {
  return ROW_BOXES.get(row);
}

/** The marks of one panel, in the front face's frame, drawn in this order. */
function faceMarks(scene: Scene): Mark[] {
  const decoration = (name: string, path: string, stroke: string, extra: Record<string, unknown> = {}): Mark => ({
    type: 'path',
    name,
    aria: false,
    encode: { enter: { path: { value: path }, stroke: { value: stroke }, strokeWidth: { value: 1 }, fill: { value: 'none' }, ...extra } },
  });
  return [
    decoration('grid', scene.grid, GRID, { strokeWidth: { value: 0.8 } }),
    decoration('plane', scene.plane, '#b0b0b0', { fill: { value: PLANE_FILL }, fillOpacity: { value: 0.12 } }),
    decoration('edges', scene.edges, AXIS_GREY),
    {
      type: 'path',
      name: 'rows',
      from: { data: 'panelRows' },
      sort: { field: 'datum.z' },
      encode: {
        enter: {
          path: { field: 'path' },
          fill: { field: 'fill' },
          stroke: { field: 'stroke' },
          strokeWidth: { field: 'strokeWidth' },
          fillOpacity: { field: 'opacity' },
          strokeJoin: { value: 'miter' },
          description: { field: 'label' },
        },
      },
    },
    {
      type: 'symbol',
      name: 'depth-swatches',
      from: { data: 'depth' },
      aria: false,
      encode: {
        enter: {
          x: { field: 'x', offset: 12 },
          y: { field: 'y' },
          shape: { value: 'square' },
          size: { value: 64 },
          fill: { field: 'colour' },
          stroke: { value: '#555555' },
          strokeWidth: { value: 0.5 },
        },
      },
    },
    {
      type: 'text',
      name: 'depth-labels',
      from: { data: 'depth' },
      aria: false,
      encode: {
        enter: {
          x: { field: 'x', offset: 20 },
          y: { field: 'y' },
          text: { field: 'text' },
          baseline: { value: 'middle' },
          fontSize: { value: FONT_SIZE.label },
          fill: { value: INK },
        },
      },
    },
    {
      type: 'text',
      name: 'depth-title',
      aria: false,
      encode: {
        enter: {
          x: { value: scene.layout.timeWidth + scene.layout.depthX + 8 },
          y: { value: scene.layout.zPx - scene.layout.depthY - DEPTH_TITLE_RISE },
          text: { value: 'block size' },
          baseline: { value: 'bottom' },
          fontSize: { value: FONT_SIZE.axisTitle },
          fill: { value: INK },
        },
      },
    },
  ];
}

function panelMark(scene: Scene, labelled: boolean): GroupMark {
  const { layout } = scene;
  const marks: Mark[] = [];
  if (labelled) {
    marks.push({
      type: 'text',
      name: 'panel-label',
      encode: {
        enter: {
          x: { value: LEFT },
          y: { value: PANEL_TOP - 10 },
          text: { signal: scene.labelled ? 'parent.panelLabel' : "'domain ' + parent.domain" },
          fontSize: { value: FONT_SIZE.panel },
          fontWeight: { value: 'bold' },
          fill: { value: INK },
        },
      },
    });
  }
  marks.push({
    type: 'group',
    name: 'back',
    encode: {
      enter: {
        x: { value: layout.frontX + layout.depthX },
        y: { value: layout.frontY - layout.depthY },
        width: { value: layout.timeWidth },
        height: { value: layout.zPx },
      },
    },
    axes: [backAxis(scene)],
  });
  marks.push({
    type: 'group',
    name: 'front',
    encode: {
      enter: {
        x: { value: layout.frontX },
        y: { value: layout.frontY },
        width: { value: layout.timeWidth },
        height: { value: layout.zPx },
      },
    },
    axes: frontAxes(scene),
    marks: faceMarks(scene),
  });
  return {
    type: 'group',
    name: 'panel',
    from: { facet: { name: 'panelRows', data: 'rows', groupby: scene.labelled ? ['domain', 'panel', 'panelLabel'] : ['domain', 'panel'] } },
    encode: {
      enter: {
        x: { value: 0 },
        y: { signal: `datum.panel * ${layout.panelHeight}` },
        width: { value: layout.width },
        height: { value: layout.panelHeight },
        description: { signal: scene.labelled ? 'datum.panelLabel' : "'domain ' + datum.domain" },
      },
    },
    marks,
  };
}

function noteMarks(scene: Scene): Mark[] {
  const { layout } = scene;
  const top = layout.footerY - layout.header;
  return scene.notes.flatMap((note, i): Mark[] => {
    const y = top + i * NOTE_LINE + FONT_SIZE.note;
    // Every line of the clip note lines up after its mark.
    const x = note.swatch || (i > 0 && scene.notes.slice(0, i).some((n) => n.swatch)) ? LEFT + NOTE_INDENT : LEFT;
    const text: Mark = {
      type: 'text',
      name: `note-${i}`,
      encode: {
        enter: {
          x: { value: x },
          y: { value: y },
          text: { value: note.text },
          fontSize: { value: FONT_SIZE.note },
          fill: { value: MUTED_INK },
        },
      },
    };
    if (!note.swatch) return [text];
    const swatch: Mark = {
      type: 'rule',
      name: 'clip-swatch',
      aria: false,
      encode: {
        enter: {
          x: { value: LEFT },
          x2: { value: LEFT + 20 },
          y: { value: y - 4 },
          stroke: { value: CLIP_COLOUR },
          strokeWidth: { value: 2.5 },
        },
      },
    };
    return [swatch, text];
  });
}

/** The chart of one boot window as a Vega spec. `bins` must hold at least one sample. */
export function chartSpec(bins: TimeBins, caption: Caption, options: ChartOptions): Spec {
  const scene = chartScene(bins, caption, options);
  const { layout, frame } = scene;
  const panelOf = new Map(bins.domains.map((domain, i) => [domain, i]));
  return {
    // 1. The page: the padding holds the title, so panels start at y = 0.
    $schema: 'https://vega.github.io/schema/vega/v6.json',
    description: scene.description,
    width: layout.width,
    height: layout.height - layout.header,
    padding: { top: layout.header, left: 0, right: 0, bottom: 0 },
    autosize: 'none',
    background: 'white',
    title: {
      text: scene.title,
      subtitle: scene.subtitle,
      anchor: 'start',
      frame: 'group',
      offset: 10,
      dx: LEFT,
      fontSize: FONT_SIZE.title,
      subtitleFontSize: FONT_SIZE.subtitle,
      subtitleColor: MUTED_INK,
      subtitlePadding: 6,
      color: INK,
    },
    config: {
      text: { font: FONT_FAMILY },
      title: { font: FONT_FAMILY, subtitleFont: FONT_FAMILY },
      axis: { labelFont: FONT_FAMILY, titleFont: FONT_FAMILY },
    },
    // 2. Data: the row paths of every panel, and the block-size labels shared by all panels.
    data: [
      {
        name: 'rows',
        values: scene.rows.map(({ box, ...r }) => {
          const panel = panelOf.get(r.domain) ?? 0;
          const row = bins.labels === undefined ? { ...r, panel } : { ...r, panel, panelLabel: bins.labels[panel] };
          if (box !== null) ROW_BOXES.set(row, box);
          return row;
        }),
      },
      { name: 'depth', values: scene.depthLabels },
    ],
    // 3. Scales for the axes, with the domains and ranges the row paths were computed with.
    scales: [
      { name: 'x', type: 'utc', domain: [frame.start, frame.end], range: [0, layout.timeWidth] },
      // Height as a position from the bottom of the range (0) to its top (1): see height-scale.ts.
      { name: 'z', type: 'linear', domain: [0, 1], range: [layout.zPx, 0], zero: false, nice: false },
    ],
    // 4. and 5.
    marks: [panelMark(scene, bins.domains.length > 1 || scene.labelled || options.nameDomain === true), ...noteMarks(scene)],
  };
}
