// The size of a picture of one boot window, the same for the chart and the gnuplot script.

/** Width and height (with one NUMA domain) in pixels, so both pictures of a log have the same shape. */
export const DEFAULT_WIDTH = 1200;
export const DEFAULT_HEIGHT = 700;

/**
 * The largest width and (per NUMA domain) height a picture may be asked for, so that a typo
 * (12000 for 1200) cannot take gigabytes. At 4000 × 2000 the PNG of a one-domain chart of a
 * 100,000-sample log peaks at about 200 MB (its SVG at 125 MB), as the bench measures memory;
 * each further domain adds a panel, and with it about 8 bytes per pixel to a PNG.
 */
export const MAX_WIDTH = 4000;
export const MAX_HEIGHT = 2000;
