// The chart's typeface: DejaVu Sans, bundled, so the PNG shows the same text on every machine.
/**
 * DejaVu Sans first; Bitstream Vera Sans and Verdana share its metrics, so a browser
 * without DejaVu still fits the labels in the space the layout gave them.
 */
export const FONT_FAMILY = "'DejaVu Sans', 'Bitstream Vera Sans', Verdana, Geneva, sans-serif";

/** The TTF files of the npm package dejavu-fonts-ttf, found the way Node finds modules. */
export function dejaVuFontFiles(): string[] {
  return ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`));
}
