// Damage done to logs at random, as crashes, full disks, editors and trips through other systems do it.
import fc from 'fast-check';
import { JunkKind, logBytes, rowText, type JunkLine, type LogLine } from './logs.js';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether the fields name a real time (the proleptic Gregorian calendar, as `date` prints it). */
function realTime(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = mo === 2 && leap ? 29 : (DAYS_IN_MONTH[mo - 1] ?? 0);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= days && h <= 23 && mi <= 59 && s <= 59;
}

const two = (n: number): string => String(n).padStart(2, '0');
const FRAME = new Set(['--', 'ORDER (SIZE) |  FMFI', 'vm.phys_frag_idx:']);
const trimBlanks = (s: string): string => s.replace(/^[ \t]+|[ \t]+$/g, '');

/** Date-shaped lines that name no real time. */
const badDateArb = fc
  .oneof(
    { weight: 1, arbitrary: fc.constantFrom('2024-13-45_99:99:99', '2023-02-29_10:00:00', '2024-04-31_10:00:00', '2024-04-08_24:00:00', '2024-00-08_10:00:00', '2024-04-08_10:60:00') },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
        .filter(([y, mo, d, h, mi, s]) => !realTime(y, mo, d, h, mi, s))
        .map(([y, mo, d, h, mi, s]) => `${String(y).padStart(4, '0')}-${two(mo)}-${two(d)}_${two(h)}:${two(mi)}:${two(s)}`),
    },
  )
  .chain((date) => fc.constantFrom(date, `  ${date}`, `${date} `, `\t${date}\t`));

/** Shaped like an FMFI row, but not one the kernel prints: the parser must not read a value from it. */
const badRowArb = fc
  .tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: -5_000_000, max: 1000 }), fc.nat())
  .map(([order, shift, fmfi, pick]) => {
    const size = 4 * 2 ** shift;
    const o = String(order).padStart(2);
    const k = String(size).padStart(6);
    const templates = [
      `  ${o} (${k}K) |  abc `,
      `  ${o} (${k}K) |  ${fmfi}.5 `,
      `  ${o} (${k}K) |  ${'9'.repeat(17)} `,
      `  ${o} (${k}K) |  9007199254740993 `,
      `  ${o} (${k}K) |   `,
      `  ${o} (${k}) |  ${fmfi} `,
      `  ${o}  ${k}K) |  ${fmfi} `,
      `  ${o} (${k}K)    ${fmfi} `,
      ` -${order} (${k}K) |  ${fmfi} `,
      `  ${o} (${k}K) |  --${Math.abs(fmfi)} `,
      `  ${o} (${k}K) |  +${Math.abs(fmfi)} `,
      `  ${o} (${k}K) |  ${fmfi} x`,
      `  ${o} (${k}K) |\t${fmfi} `,
      `  1234567 (${k}K) |  ${fmfi} `,
      `  ${o} (${'1'.repeat(17)}K) |  ${fmfi} `,
      `  ${o} (9007199254740993K) |  ${fmfi} `,
      `  ${64 + (order % 36)} (${k}K) |  ${fmfi} `,
      `  ${o} (${k}K) |  ${fmfi}\x00`,
    ];
    return templates[pick % templates.length]!;
  });

/** Random bytes that are nothing a log holds: no date, row, DOMAIN or frame line, and not blank. */
const junkBytesArb = fc
  .uint8Array({ minLength: 1, maxLength: 80 })
  .map((bytes) => Buffer.from(bytes).toString('latin1'))
  .filter((j) => {
    const t = trimBlanks(j);
    return !/[\r\n]/.test(j) && t !== '' && !/^\s*\d/.test(j) && !t.startsWith('DOMAIN') && !/\d{4}-\d\d-\d\d_/.test(j) && !FRAME.has(t);
  });

/** A line longer than the parser's 64 KiB limit: a row followed by blanks, or plain junk. */
export const longLineArb = (maxBytes: number): fc.Arbitrary<string> =>
  fc
    .tuple(fc.integer({ min: 65_537, max: maxBytes }), fc.boolean())
    .map(([length, rowShaped]) => (rowShaped ? rowText(3, 32, -11).padEnd(length, ' ') : 'x'.repeat(length)));

export function junkArb(maxLongLine = 150_000): fc.Arbitrary<JunkLine> {
  const junk = (junk: JunkKind, text: fc.Arbitrary<string>): fc.Arbitrary<JunkLine> => text.map((t) => ({ kind: 'junk', junk, text: t }));
  return fc.oneof(
    { weight: 4, arbitrary: junk('bytes', junkBytesArb) },
    { weight: 3, arbitrary: junk('badDate', badDateArb) },
    { weight: 3, arbitrary: junk('badRow', badRowArb) },
    { weight: 2, arbitrary: junk('domain', fc.integer({ min: 0, max: 7 }).map((n) => `DOMAIN ${n}`)) },
    { weight: 1, arbitrary: junk('badDomain', fc.constantFrom('DOMAIN x', 'DOMAIN -1', 'DOMAIN 1234567890', 'DOMAIN 1 2', 'DOMAIN  0', 'DOMAIN 0x1')) },
    { weight: 2, arbitrary: junk('frame', fc.constantFrom('--', '  ORDER (SIZE) |  FMFI', 'vm.phys_frag_idx: ', '')) },
    { weight: 1, arbitrary: junk('embeddedDate', fc.constantFrom('cron: 2024-04-08_10:05:00 failed', 'sysctl: 2024-13-45_99:99:99: unknown oid')) },
    { weight: 1, arbitrary: junk('long', longLineArb(maxLongLine)) },
  );
}

/** Junk inserted before line `at` (taken modulo the number of places). */
export interface Insertion {
  readonly at: number;
  readonly line: JunkLine;
}

export const insertionsArb = (maxLongLine?: number): fc.Arbitrary<Insertion[]> =>
  fc.array(fc.record({ at: fc.nat(), line: junkArb(maxLongLine) }), { maxLength: 10 });

export function insertJunk(lines: readonly LogLine[], insertions: readonly Insertion[]): LogLine[] {
  const out = [...lines];
  for (const { at, line } of insertions) out.splice(at % (out.length + 1), 0, line);
  return out;
}

export type LineOp =
  | { readonly op: 'duplicate' | 'delete'; readonly at: number }
  | { readonly op: 'swap'; readonly at: number; readonly with: number }
  | { readonly op: 'insert'; readonly at: number; readonly line: JunkLine };

export type ByteOp =
  | { readonly op: 'cut' | 'carriageReturn'; readonly at: number }
  | { readonly op: 'flip'; readonly at: number; readonly mask: number }
  | { readonly op: 'nul'; readonly at: number; readonly count: number }
  | { readonly op: 'invalidUtf8'; readonly at: number; readonly bytes: readonly number[] };

export interface Damage {
  readonly lineOps: readonly LineOp[];
  readonly crlf: boolean;
  readonly byteOps: readonly ByteOp[];
}

const lineOpArb = (maxLongLine: number): fc.Arbitrary<LineOp> =>
  fc.oneof(
    fc.record({ op: fc.constantFrom('duplicate' as const, 'delete' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
    fc.record({ op: fc.constant('insert' as const), at: fc.nat(), line: junkArb(maxLongLine) }),
  );

// Overlong forms, lone continuation bytes, surrogates, bytes UTF-8 never uses, a sequence cut short.
const INVALID_UTF8 = [[0xc3, 0x28], [0xff], [0xfe, 0xfe], [0x80], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82]];

const byteOpArb: fc.Arbitrary<ByteOp> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ op: fc.constant('cut' as const), at: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('flip' as const), at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('nul' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 8 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('invalidUtf8' as const), at: fc.nat(), bytes: fc.constantFrom(...INVALID_UTF8) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('carriageReturn' as const), at: fc.nat() }) },
);

/** Any mix of damage; `maxLongLine` bounds the very long lines it may insert. */
export const damageArb = (maxLongLine = 150_000): fc.Arbitrary<Damage> =>
  fc.record({
    lineOps: fc.array(lineOpArb(maxLongLine), { maxLength: 8 }),
    crlf: fc.boolean(),
    byteOps: fc.array(byteOpArb, { maxLength: 6 }),
  });

function applyLineOp(lines: LogLine[], op: LineOp): void {
  const n = lines.length;
  if (op.op === 'insert') {
    lines.splice(op.at % (n + 1), 0, op.line);
    return;
  }
  if (n === 0) return;
  const i = op.at % n;
  if (op.op === 'swap') {
    const j = op.with % n;
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
  } else if (op.op === 'duplicate') {
    lines.splice(i, 0, lines[i]!);
  } else {
    lines.splice(i, 1);
  }
}

function applyByteOp(bytes: Buffer, op: ByteOp): Buffer {
  const n = bytes.length;
  switch (op.op) {
    case 'cut':
      return bytes.subarray(0, op.at % (n + 1));
    case 'flip': {
      if (n === 0) return bytes;
      const out = Buffer.from(bytes);
      out[op.at % n] = out[op.at % n]! ^ op.mask;
      return out;
    }
    case 'nul':
      return insertAt(bytes, op.at % (n + 1), Buffer.alloc(op.count));
    case 'invalidUtf8':
      return insertAt(bytes, op.at % (n + 1), Buffer.from(op.bytes));
    case 'carriageReturn': {
      // Before a line end, as a copy through another system leaves it on some lines.
      let nl = bytes.indexOf(10, op.at % (n + 1));
      if (nl < 0) nl = bytes.indexOf(10);
      return nl < 0 ? bytes : insertAt(bytes, nl, Buffer.from('\r'));
    }
  }
}

function insertAt(bytes: Buffer, at: number, piece: Buffer): Buffer {
  return Buffer.concat([bytes.subarray(0, at), piece, bytes.subarray(at)]);
}

/** The damaged log's bytes. */
export function damage(lines: readonly LogLine[], d: Damage): Buffer {
  const damaged = [...lines];
  for (const op of d.lineOps) applyLineOp(damaged, op);
  let bytes = logBytes(damaged, d.crlf ? '\r\n' : '\n');
  for (const op of d.byteOps) bytes = applyByteOp(bytes, op);
  return bytes;
}
