// What a chart records about how it was made, so a rerun can tell whether it is up to date.
//
// The stamp travels inside the chart itself (an XML comment in an SVG, a tEXt chunk
// in a PNG): a chart copied elsewhere keeps it, and there is no side file to get out
// of step with the charts.

/** Everything that decides a chart's content besides the log itself. */
export interface Stamp {
  /** fmfi-plot's version. */
  readonly version: string;
  /** The chart options, as a canonical string. */
  readonly options: string;
  /** The log's size and modification time when it was read. */
  readonly logSize: number;
  readonly logMtimeMs: number;
  /**
   * Warnings its log gave when the chart was drawn (absent in charts of older versions):
   * not part of being up to date, but --strict fails on an up-to-date chart that had some.
   */
  readonly warnings?: number;
}

const KEY = 'fmfi-plot-stamp';
const SVG_STAMP = /<!-- fmfi-plot-stamp (\{[^<>]*\}) -->/;

export function sameStamp(a: Stamp, b: Stamp): boolean {
  return a.version === b.version && a.options === b.options && a.logSize === b.logSize && a.logMtimeMs === b.logMtimeMs;
}

function isStamp(v: unknown): v is Stamp {
  const s = v as Partial<Stamp> | null;
  return (
    typeof s === 'object' && s !== null &&
    typeof s.version === 'string' && typeof s.options === 'string' &&
    typeof s.logSize === 'number' && typeof s.logMtimeMs === 'number' &&
    (s.warnings === undefined || typeof s.warnings === 'number')
  );
}

function parseStamp(json: string): Stamp | null {
  try {
    const v: unknown = JSON.parse(json);
    return isStamp(v) ? v : null;
  } catch {
    return null;
  }
}

/** JSON inside an XML comment must not contain `--`; ours never does, but options are escaped to be sure. */
function stampJson(stamp: Stamp): string {
  return JSON.stringify(stamp).replace(/-(?=-)/g, '\\u002d').replace(/[<>]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
}

/** The SVG with its stamp as the first line. */
export function stampSvg(svg: string, stamp: Stamp): string {
  const comment = `<!-- ${KEY} ${stampJson(stamp)} -->\n`;
  const decl = /^<\?xml[^>]*\?>\s*/.exec(svg);
  return decl === null ? comment + svg : decl[0] + comment + svg.slice(decl[0].length);
}

// PNG: a tEXt chunk right after IHDR (the signature is 8 bytes, IHDR 25 bytes with its length and CRC).
const PNG_SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
const AFTER_IHDR = 8 + 25;

let crcTable: Uint32Array | null = null;

/** CRC-32 as PNG chunks need it (zlib.crc32 is newer than Node.js 20.0). */
function crc32(data: Uint8Array): number {
  if (crcTable === null) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of data) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export function stampPng(png: Uint8Array, stamp: Stamp): Uint8Array {
  const body = Buffer.concat([Buffer.from('tEXt'), Buffer.from(`${KEY}\0${stampJson(stamp)}`, 'latin1')]);
  const chunk = Buffer.alloc(body.length + 8);
  chunk.writeUInt32BE(body.length - 4, 0);
  body.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(body), 4 + body.length);
  const bytes = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  return Buffer.concat([bytes.subarray(0, AFTER_IHDR), chunk, bytes.subarray(AFTER_IHDR)]);
}

/** The stamp in the first bytes of a chart (SVG or PNG), or null. */
export function readStamp(head: Buffer): Stamp | null {
  if (head.subarray(0, 8).equals(PNG_SIGNATURE)) {
    let p = 8;
    while (p + 8 <= head.length) {
      const length = head.readUInt32BE(p);
      const type = head.toString('latin1', p + 4, p + 8);
      if (type === 'IDAT' || p + 12 + length > head.length) break;
      if (type === 'tEXt') {
        const text = head.toString('latin1', p + 8, p + 8 + length);
        const sep = text.indexOf('\0');
        if (text.slice(0, sep) === KEY) return parseStamp(text.slice(sep + 1));
      }
      p += 12 + length;
    }
    return null;
  }
  // Only the comment is decoded (a rerun reads the head of every chart); its JSON never
  // holds `-->` (see stampJson).
  const at = head.indexOf(`<!-- ${KEY} `);
  const end = at < 0 ? -1 : head.indexOf('-->', at);
  const m = end < 0 ? null : SVG_STAMP.exec(head.toString('utf8', at, end + 3));
  return m?.[1] === undefined ? null : parseStamp(m[1]);
}

/** How many leading bytes of a chart hold its stamp. */
export const STAMP_HEAD_BYTES = 4096;
