// Text from the input (file names) made safe to put into an SVG document.

/**
 * Characters XML 1.0 does not allow even escaped (C0 controls other than tab, line feed
 * and carriage return; lone surrogates; U+FFFE and U+FFFF): a file name may hold them.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text with every character XML cannot carry replaced by U+FFFD, as a terminal shows bad bytes. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '\ufffd');
}

/** Escapes text for an element's content. */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
