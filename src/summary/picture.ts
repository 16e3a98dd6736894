// The size of a picture of one boot window, the same for the chart and the gnuplot script.

/** Width and height (with one NUMA domain) in pixels, so both pictures of a log have the same shape. */
export const DEFAULT_WIDTH = 1200;
export const DEFAULT_HEIGHT = 700;
