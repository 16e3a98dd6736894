// Fuzzing the file system around a run: folders of logs and of charts in shapes a local user can
// make (links to logs, to files outside, to devices, dangling; FIFOs, sockets, folders, read-only
// folders; names long, not UTF-8, with control characters), and the batch and csv commands run on
// them. Whatever the shape, a run ends in time, changes no input, writes no output through a
// link, names what it skipped, leaves no temporary file, and draws every log it can.
//
// Seeded like every property here: FC_SEED replays a failure, FC_RUNS or FC_CLI_RUNS runs more cases.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLog } from '../../fixtures/generate.js';
import { BIN } from '../helpers/cli.js';
import { cliRuns, params, timeLimit } from './runs.js';

/** A run that takes longer than this is taken to hang. */
const HANG_MS = 30_000;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fmfi-fuzz-shapes-'));
});
afterAll(() => {
  // Read-only folders the cases made must be writable again to be removed.
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'buffer' })) {
    const path = Buffer.concat([Buffer.from(`${dir}/`), entry]);
    try {
      if (lstatSync(path).isDirectory()) chmodSync(path, 0o755);
    } catch {
      // gone already
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

/** What an entry among the logs is. */
const InputKind = ['log', 'link-log', 'link-outside-log', 'link-null', 'link-zero', 'dangling', 'fifo', 'socket', 'folder'] as const;
type InputKind = (typeof InputKind)[number];
/** What may already be at a chart's path in the output folder. */
const OutputKind = ['none', 'chart', 'link-input', 'link-outside', 'link-null', 'fifo', 'folder'] as const;
type OutputKind = (typeof OutputKind)[number];

/** File names as bytes: plain, long, not UTF-8, with control characters, blanks and quotes. */
const nameArb: fc.Arbitrary<Buffer> = fc
  .oneof(
    fc.constantFrom('vm_frag_20240408_1005', 'a', 'log with spaces', "it's \"quoted\"", 'back\\slash', 'é日本'),
    fc.stringMatching(/^[a-z0-9_]{1,12}$/),
    fc.constantFrom('new\nline', 'esc\x1b[2Jape', 'tab\there', 'bell\x07'),
    fc.uint8Array({ minLength: 1, maxLength: 8 }).map((b) => Buffer.from(b).toString('latin1')),
    fc.integer({ min: 150, max: 236 }).map((n) => 'L'.repeat(n)),
  )
  .map((stem) => {
    const raw = Buffer.from(stem, /[\u0080-\u00ff]/.test(stem) && !/[^\u0000-\u00ff]/.test(stem) ? 'latin1' : 'utf8');
    // No NUL or slash in a file name; no name that starts with a dash (an option) or a dot (a temporary file's mark).
    const clean = Buffer.from(raw.filter((b) => b !== 0 && b !== 0x2f));
    return Buffer.concat([Buffer.from('f'), clean.subarray(0, 240), Buffer.from('.log')]);
  });

const caseArb = fc.record({
  inputs: fc.uniqueArray(fc.record({ name: nameArb, kind: fc.constantFrom(...InputKind), seed: fc.nat({ max: 1000 }), at: fc.constantFrom(...OutputKind) }), {
    minLength: 1,
    maxLength: 6,
    selector: (i) => i.name.toString('latin1'),
  }),
  jobs: fc.constantFrom(1, 2),
  format: fc.constantFrom('svg', 'svg', 'png'),
  readOnlyOut: fc.boolean(),
});

const b = (...parts: Array<string | Buffer>): Buffer => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));

/** `name` without `.log`, with `ext`: the chart or CSV a log gets. */
function outputName(name: Buffer, ext: string): Buffer {
  const stem = name.subarray(name.length - 4).toString('latin1') === '.log' ? name.subarray(0, name.length - 4) : name;
  return b(stem, `.${ext}`);
}

/** A bash word for any bytes: `$'…'` with every byte but the plainest as `\xNN`. */
function shellWord(bytes: Buffer): string {
  let out = "$'";
  for (const c of bytes) out += /[A-Za-z0-9_./-]/.test(String.fromCharCode(c)) ? String.fromCharCode(c) : `\\x${c.toString(16).padStart(2, '0')}`;
  return `${out}'`;
}

/** Runs fmfi-plot with arguments given as bytes (through bash, the one way to pass bytes that are not UTF-8), killed after HANG_MS. */
function runBytes(args: Buffer[], cwd: string): Promise<{ status: number | null; signal: NodeJS.Signals | null; stdout: Buffer; stderr: Buffer; timedOut: boolean }> {
  const script = `exec ${shellWord(Buffer.from(process.execPath))} ${shellWord(Buffer.from(BIN))} ${args.map(shellWord).join(' ')}`;
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, HANG_MS);
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout: Buffer.concat(out), stderr: Buffer.concat(err), timedOut });
    });
  });
}

/** A FIFO at a path of any bytes (bash passes them as they are). */
function makeFifo(path: Buffer): void {
  expect(spawnSync('bash', ['-c', `mkfifo -- ${shellWord(path)}`]).status).toBe(0);
}

/**
 * A socket file, as a listening server makes it; false where Node.js cannot name it (a path
 * that is not UTF-8, or longer than a socket address takes).
 */
async function makeSocket(path: Buffer): Promise<boolean> {
  const text = path.toString('utf8');
  if (!Buffer.from(text).equals(path) || path.length > 100) return false;
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.listen(text, resolve).on('error', reject));
  // Left listening (closing it would remove the file); unref'd so it holds nothing up.
  server.unref();
  return true;
}

/** Every regular file under `root` (links not followed), by its bytes: what no run may change. */
function snapshot(root: Buffer): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(root, { encoding: 'buffer' })) {
    const path = b(root, '/', entry);
    const st = lstatSync(path);
    if (st.isFile()) files.set(path.toString('latin1'), createHash('sha1').update(readFileSync(path)).digest('hex'));
    else if (st.isSymbolicLink()) files.set(path.toString('latin1'), `-> ${readlinkSync(path, { encoding: 'buffer' }).toString('latin1')}`);
    else files.set(path.toString('latin1'), st.isFIFO() ? 'fifo' : st.isSocket() ? 'socket' : st.isDirectory() ? 'folder' : 'other');
  }
  return files;
}

/** The messages of a run, one a line: no raw control character may reach the terminal. */
function expectCleanMessages(stderr: Buffer): string[] {
  const text = stderr.toString('utf8');
  // eslint-disable-next-line no-control-regex
  expect(text, 'a control character reached stderr').not.toMatch(/[\x00-\x09\x0b-\x1f\x7f]/);
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  return text.split('\n').filter((l) => l !== '');
}

describe('fmfi-plot and fmfi-plot csv --out-dir on folders of any shape', () => {
  it('end in time, change no input, write through no link, skip what is no log with a message, leave no temporary file', async () => {
    let caseNo = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const root = Buffer.from(join(dir, `case-${++caseNo}`));
        const inDir = b(root, '/in');
        const outDir = b(root, '/out');
        const csvDir = b(root, '/csv');
        const outside = b(root, '/outside.log');
        mkdirSync(inDir, { recursive: true });
        mkdirSync(outDir);
        mkdirSync(csvDir);
        writeFileSync(outside, generateLog({ samples: 3, seed: 77 }));

        // 1. The folders: each input of its kind, and what is already at its chart's path.
        const paths: Buffer[] = [];
        for (const input of c.inputs) {
          const path = b(inDir, '/', input.name);
          paths.push(path);
          switch (input.kind) {
            case 'log':
              writeFileSync(path, generateLog({ samples: 2 + (input.seed % 5), seed: input.seed }));
              break;
            case 'link-log': {
              const target = b(inDir, '/.target-', String(paths.length));
              writeFileSync(target, generateLog({ samples: 2, seed: input.seed }));
              symlinkSync(target, path);
              break;
            }
            case 'link-outside-log':
              symlinkSync(outside, path);
              break;
            case 'link-null':
              symlinkSync('/dev/null', path);
              break;
            case 'link-zero':
              symlinkSync('/dev/zero', path);
              break;
            case 'dangling':
              symlinkSync(b(inDir, '/no-such-file'), path);
              break;
            case 'fifo':
              makeFifo(path);
              break;
            case 'socket':
              if (!(await makeSocket(path))) {
                input.kind = 'fifo';
                makeFifo(path);
              }
              break;
            case 'folder':
              mkdirSync(path);
              break;
          }
          for (const [folder, ext] of [[outDir, c.format], [csvDir, 'csv']] as const) {
            const at = b(folder, '/', outputName(input.name, ext));
            switch (input.at) {
              case 'none':
                break;
              case 'chart':
                writeFileSync(at, 'an old chart, no stamp\n');
                break;
              case 'link-input':
                symlinkSync(path, at);
                break;
              case 'link-outside':
                symlinkSync(outside, at);
                break;
              case 'link-null':
                symlinkSync('/dev/null', at);
                break;
              case 'fifo':
                makeFifo(at);
                break;
              case 'folder':
                mkdirSync(at);
                break;
            }
          }
        }
        if (c.readOnlyOut) chmodSync(outDir, 0o555);
        const inputsBefore = snapshot(inDir);
        const outsideBefore = readFileSync(outside);

        // 2. What each input should come to: a log drawn, or a message. The first log claims a name.
        const isLog = (kind: InputKind): boolean => kind === 'log' || kind === 'link-log' || kind === 'link-outside-log';
        const claimed = new Set<string>();
        const drawn: Buffer[] = [];
        let failed = 0;
        for (const input of c.inputs) {
          const key = outputName(input.name, c.format).toString('latin1');
          if (claimed.has(key)) failed++;
          else if (!isLog(input.kind) || input.at === 'folder') {
            failed++;
            claimed.add(key);
          } else {
            claimed.add(key);
            drawn.push(input.name);
          }
        }
        const asRoot = process.getuid?.() === 0;
        const unwritable = c.readOnlyOut && !asRoot;

        // 3. The charts.
        const r = await runBytes([...paths, Buffer.from('-o'), outDir, Buffer.from('--jobs'), Buffer.from(String(c.jobs)), Buffer.from('--format'), Buffer.from(c.format)], root.toString('latin1'));
        expect(r.timedOut, `fmfi-plot hung: killed after ${HANG_MS} ms`).toBe(false);
        expect(r.signal).toBe(null);
        const lines = expectCleanMessages(r.stderr);
        const rendered = unwritable ? 0 : drawn.length;
        const failures = unwritable ? failed + drawn.length : failed;
        expect(lines.at(-1)).toBe(`fmfi-plot: ${rendered} rendered, 0 up to date, 0 without samples, ${failures} failed`);
        expect(lines.filter((l) => l.startsWith('fmfi-plot: '))).toHaveLength(failures + 1);
        expect(r.status).toBe(failures > 0 ? 1 : 0);
        for (const name of unwritable ? [] : drawn) {
          const chart = b(outDir, '/', outputName(name, c.format));
          expect(lstatSync(chart).isFile(), `${chart.toString('latin1')} is a file`).toBe(true);
          const bytes = readFileSync(chart);
          if (c.format === 'png') expect(bytes.subarray(0, 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
          else expect(XMLValidator.validate(bytes.toString('utf8'))).toBe(true);
        }
        chmodSync(outDir, 0o755);
        expect(readdirSync(outDir).filter((f) => f.endsWith('.fmfi-plot-tmp'))).toEqual([]);

        // 4. One CSV per log, into a folder of the same shape.
        const csv = await runBytes([Buffer.from('csv'), ...paths, Buffer.from('--out-dir'), csvDir], root.toString('latin1'));
        expect(csv.timedOut, `fmfi-plot csv hung: killed after ${HANG_MS} ms`).toBe(false);
        expect(csv.signal).toBe(null);
        const csvLines = expectCleanMessages(csv.stderr).filter((l) => l.startsWith('fmfi-plot: '));
        expect(csvLines).toHaveLength(failed);
        expect(csv.status).toBe(failed > 0 ? 1 : 0);
        expect(readdirSync(csvDir).filter((f) => f.endsWith('.fmfi-plot-tmp'))).toEqual([]);

        // 5. No input changed, nothing written through a link.
        expect(snapshot(inDir)).toEqual(inputsBefore);
        expect(readFileSync(outside).equals(outsideBefore)).toBe(true);
        expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
        rmSync(root, { recursive: true, force: true });
      }),
      params(cliRuns(6), timeLimit(cliRuns(6), 10_000)),
    );
  }, timeLimit(cliRuns(6), 10_000));
});
