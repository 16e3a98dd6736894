import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DigestBuilder, type WindowDigest } from '../../src/batch/digest.js';
import { hashOf, pictureSize, readIndexData, WindowsLost } from '../../src/batch/index-data.js';
import { IndexUpdate, type PageOptions } from '../../src/batch/index-page.js';
import type { Stamp } from '../../src/batch/stamp.js';
import { parseLog } from '../../src/formats/read.js';
import { FIXTURES } from '../helpers/cli.js';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'fmfi-index-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const VERSION = '9.9.9';
const OPTIONS: PageOptions = { compare: 0, generator: 'fmfi-plot 9.9.9', madeAt: Date.UTC(2024, 5, 21, 9, 0), rewrite: false };

/** A folder with copies of fixture logs and a stand-in chart for each (the page links charts, it does not read them). */
function folder(name: string, logs: readonly string[]): { dir: string; logs: string[] } {
  const dir = mkdtempSync(join(root, `${name}-`));
  const copies = logs.map((log) => {
    const to = join(dir, log);
    copyFileSync(join(FIXTURES, log), to);
    writeFileSync(join(dir, log.replace(/\.log$/, '.svg')), '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="700"/>');
    return to;
  });
  return { dir, logs: copies };
}

function digestOf(path: string): WindowDigest {
  const builder = new DigestBuilder(path, undefined);
  for (const s of parseLog(readFileSync(path), path).samples) builder.add(s);
  return builder.finish(`the chart of ${path}`);
}

const stampOf = (path: string): Stamp => ({ version: VERSION, options: '{}', logSize: statSync(path).size, logMtimeMs: statSync(path).mtimeMs });

async function indexed(dir: string, logs: readonly string[]): Promise<IndexUpdate> {
  const index = await IndexUpdate.open(dir, VERSION);
  for (const log of logs) {
    const chart = log.split('/').pop()!.replace(/\.log$/, '.svg');
    index.record(chart, log, { stamp: stampOf(log), width: 1200, height: 700 }, digestOf(log), [], 0);
  }
  return index;
}

const mtime = (file: string): number => statSync(file).mtimeMs;

describe('IndexUpdate', () => {
  it('writes the page and its data; a rerun with every digest fresh writes nothing', async () => {
    const { dir, logs } = folder('rerun', ['gap.log', 'orders-11.log']);
    expect(await (await indexed(dir, logs)).finish(OPTIONS, logs)).toBe(true);
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html).toContain('<h1>2 boot windows</h1>');
    expect(html).toContain('href="gap.svg"');
    const before = [mtime(join(dir, 'index.html')), mtime(join(dir, 'index.json'))];

    const again = await IndexUpdate.open(dir, VERSION);
    expect(again.known).toBe(true);
    for (const log of logs) {
      const chart = log.split('/').pop()!.replace(/\.log$/, '.svg');
      expect(again.isFresh(chart, stampOf(log))).toBe(true);
      expect(again.isFresh(chart, { ...stampOf(log), logSize: 1 })).toBe(false);
      expect(again.isFresh(chart, null)).toBe(false);
      again.keep(chart, log);
    }
    expect(await again.finish({ ...OPTIONS, madeAt: OPTIONS.madeAt + 60_000 }, logs)).toBe(false);
    expect([mtime(join(dir, 'index.html')), mtime(join(dir, 'index.json'))]).toEqual(before);
  });

  it('reads only the refs of index.json when nothing on the page changes; the digests when it does', async () => {
    const { dir, logs } = folder('refs', ['gap.log', 'orders-11.log']);
    await (await indexed(dir, logs)).finish(OPTIONS, logs);
    const stored = await readIndexData(dir, VERSION);
    if (stored.kind !== 'ours' || stored.data === null) throw new Error('no index.json');
    expect(stored.data.refs.map((r) => r.chart)).toEqual(['gap.svg', 'orders-11.svg']);
    expect(stored.data.windows().map((w) => [w.chart, w.hash])).toEqual(stored.data.refs.map((r) => [r.chart, r.hash]));

    // What JSON.parse is given while a run that changes nothing opens, checks and finishes the index.
    const parsed: string[] = [];
    const parse = JSON.parse;
    JSON.parse = (text: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
      parsed.push(text);
      return parse(text, reviver) as unknown;
    };
    try {
      const again = await IndexUpdate.open(dir, VERSION);
      for (const log of logs) again.keep(log.split('/').pop()!.replace(/\.log$/, '.svg'), log);
      expect(await again.finish(OPTIONS, logs)).toBe(false);
      expect(parsed.some((t) => t.includes('"digest"'))).toBe(false);
      // A log moved: index.json is written again, digests and all, and the page is not.
      const moved = join(dir, 'moved-gap.log');
      copyFileSync(logs[0]!, moved);
      const third = await IndexUpdate.open(dir, VERSION);
      third.keep('gap.svg', moved);
      third.keep('orders-11.svg', logs[1]!);
      expect(await third.finish(OPTIONS, [moved, logs[1]!])).toBe(false);
      expect(parsed.some((t) => t.includes('"digest"'))).toBe(true);
    } finally {
      JSON.parse = parse;
    }
    const after = await readIndexData(dir, VERSION);
    if (after.kind !== 'ours' || after.data === null) throw new Error('no index.json');
    expect(after.data.windows().find((w) => w.chart === 'gap.svg')?.log).toBe(join(dir, 'moved-gap.log'));
    expect(after.data.windows().find((w) => w.chart === 'gap.svg')?.digest).toEqual(stored.data.windows()[0]!.digest);
  });

  it('drops a window whose chart was deleted, and marks one whose log is gone until its chart is', async () => {
    const { dir, logs } = folder('gone', ['gap.log', 'orders-11.log', 'one-domain.log']);
    await (await indexed(dir, logs)).finish(OPTIONS, logs);
    unlinkSync(join(dir, 'gap.svg'));
    unlinkSync(logs[1]!);
    // A later run given only the remaining log, as a glob of the logs there gives it.
    const index = await IndexUpdate.open(dir, VERSION);
    index.keep('one-domain.svg', logs[2]!);
    expect(await index.finish(OPTIONS, [logs[2]!])).toBe(true);
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html).toContain('<h1>2 boot windows</h1>');
    expect(html).not.toContain('gap.svg');
    const rows = html.split('<tr>').slice(2);
    expect(rows.find((r) => r.includes('orders-11.svg'))).toContain('log gone');
    expect(rows.find((r) => r.includes('one-domain.svg'))).not.toContain('log gone');
    expect((await readIndexData(dir, VERSION)).kind).toBe('ours');
  });

  it('shows one row per log when its chart was made in both formats', async () => {
    const { dir, logs } = folder('formats', ['gap.log']);
    writeFileSync(join(dir, 'gap.png'), 'stand-in');
    const first = await indexed(dir, logs);
    await first.finish(OPTIONS, logs);
    const second = await IndexUpdate.open(dir, VERSION);
    second.record('gap.png', logs[0]!, { stamp: stampOf(logs[0]!), width: 1200, height: 700 }, digestOf(logs[0]!), [], 0);
    await second.finish(OPTIONS, logs);
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html).toContain('<h1>1 boot window</h1>');
    expect(html).toContain('href="gap.png"');
  });

  it('leaves an index.html or index.json that fmfi-plot did not write alone, and says so', async () => {
    const { dir, logs } = folder('foreign', ['gap.log']);
    writeFileSync(join(dir, 'index.html'), '<!DOCTYPE html><title>my own page</title>');
    await expect((await indexed(dir, logs)).finish(OPTIONS, logs)).rejects.toThrow(`${join(dir, 'index.html')}: not written by fmfi-plot: left as it is (--no-index: no index page)`);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe('<!DOCTYPE html><title>my own page</title>');
    expect(existsSync(join(dir, 'index.json'))).toBe(false);

    const other = folder('foreign-data', ['gap.log']);
    writeFileSync(join(other.dir, 'index.json'), '{"name":"my-package"}\n');
    await expect((await indexed(other.dir, other.logs)).finish(OPTIONS, other.logs)).rejects.toMatchObject({ code: 'OUTPUT_NOT_OURS' });
    expect(readFileSync(join(other.dir, 'index.json'), 'utf8')).toBe('{"name":"my-package"}\n');
  });

  it('starts afresh from an index.json edited by hand or of another version', async () => {
    const { dir, logs } = folder('edited', ['gap.log']);
    await (await indexed(dir, logs)).finish(OPTIONS, logs);
    const file = join(dir, 'index.json');
    const text = readFileSync(file, 'utf8');
    // The refs, read on every run, are checked when read.
    writeFileSync(file, text.replace('"logSize":', '"logSize":1'));
    expect(await readIndexData(dir, VERSION)).toEqual({ kind: 'ours', data: null });
    expect((await IndexUpdate.open(dir, VERSION)).isFresh('gap.svg', stampOf(logs[0]!))).toBe(false);
    // The windows, only when they are needed.
    writeFileSync(file, text.replace('"samples":', '"samples":1'));
    const windowsEdited = await readIndexData(dir, VERSION);
    if (windowsEdited.kind !== 'ours' || windowsEdited.data === null) throw new Error('the refs of index.json were not read');
    expect(() => windowsEdited.data!.windows()).toThrow(WindowsLost);
    writeFileSync(file, text);
    expect((await readIndexData(dir, VERSION)).kind).toBe('ours');
    expect(await readIndexData(dir, '9.9.10')).toEqual({ kind: 'ours', data: null });
  });

  it('refuses to write the page over one of the inputs', async () => {
    const { dir, logs } = folder('input', ['gap.log']);
    await expect((await indexed(dir, logs)).finish(OPTIONS, [...logs, join(dir, 'index.html')])).rejects.toMatchObject({ code: 'OUTPUT_IS_INPUT' });
    expect(existsSync(join(dir, 'index.html'))).toBe(false);
  });

  it('starts no page when the run drew nothing', async () => {
    const { dir } = folder('nothing', []);
    expect(await (await IndexUpdate.open(dir, VERSION)).finish(OPTIONS, [])).toBe(false);
    expect(existsSync(join(dir, 'index.html'))).toBe(false);
  });
});

describe('pictureSize', () => {
  it('reads the size of an SVG chart after its stamp, and of a PNG from its header', () => {
    const png = readFileSync(join(FIXTURES, '..', 'docs', 'compare.png'));
    expect(pictureSize(png)).toEqual({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });
    expect(png.readUInt32BE(16)).toBeGreaterThan(0);
    const head = Buffer.from('<?xml version="1.0"?>\n<!-- fmfi-plot-stamp {} -->\n<svg role="img" xmlns="http://www.w3.org/2000/svg" class="marks" width="1200" height="1450" viewBox="0 0 1200 1450">');
    expect(pictureSize(head)).toEqual({ width: 1200, height: 1450 });
    expect(pictureSize(Buffer.from('not a chart'))).toBeNull();
  });
});

describe('hashOf', () => {
  it('tells every change of one byte, and a text from its UTF-8', () => {
    const text = readFileSync(join(FIXTURES, 'gap.log'));
    const hash = hashOf(text);
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(hashOf(text.toString('utf8'))).toBe(hash);
    expect(hashOf('é')).toBe(hashOf(Buffer.from('é', 'utf8')));
    const seen = new Set([hash]);
    for (let i = 0; i < text.length; i += 97) {
      for (const delta of [1, 128]) {
        const damaged = Buffer.from(text);
        damaged[i] = (damaged[i]! + delta) & 0xff;
        seen.add(hashOf(damaged));
      }
    }
    expect(seen.size).toBe(1 + 2 * Math.ceil(text.length / 97));
    expect(hashOf(Buffer.concat([text, Buffer.of(0)]))).not.toBe(hash);
  });
});
