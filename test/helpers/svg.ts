// Looking inside SVG documents in tests.

/** Every element name in a document parsed by fast-xml-parser with preserveOrder, depth first. */
export function elementNames(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const child of node) elementNames(child, out);
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === ':@' || key === '#text') continue;
      out.push(key);
      elementNames(value, out);
    }
  }
  return out;
}
