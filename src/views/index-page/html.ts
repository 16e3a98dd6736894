// Text and file names from the input made safe for an HTML page: element content, attribute values, relative links.

/**
 * Characters shown as U+FFFD, as a terminal shows bad bytes: controls (a newline in a file
 * name included: in a table cell it would read as a space) and lone surrogates.
 */
// eslint-disable-next-line no-control-regex
const NOT_SHOWN = /[\x00-\x1f\x7f-\x9f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and for a quoted attribute value alike. */
export function escapeHtml(text: string): string {
  return text.replace(NOT_SHOWN, '\ufffd').replace(/[&<>"']/g, (c) => ENTITY[c]!);
}

/**
 * A relative link to a file beside the page: its name percent-encoded, so `#`, `?`, `%`,
 * `:` and newlines stay part of the name (an attribute then escapes the rest, `'`).
 */
export function fileHref(name: string): string {
  const wellFormed = name.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  return encodeURIComponent(wellFormed);
}

/** An element with escaped text: `tag('td', 'a < b', { class: 'n' })`. Attribute values are escaped; `null` leaves one out. */
export function element(tag: string, content: string, attributes: Readonly<Record<string, string | number | null>> = {}): string {
  return `<${tag}${attributesOf(attributes)}>${content}</${tag}>`;
}

export function attributesOf(attributes: Readonly<Record<string, string | number | null>>): string {
  let out = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null) continue;
    out += ` ${name}="${escapeHtml(String(value))}"`;
  }
  return out;
}
