// End to end: `fmfi-plot csv` against the real mawk and gawk running the original awk script.
import { spawnSync } from 'node:child_process';
import { closeSync, createWriteStream, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES as CATALOGUE } from '../../fixtures/catalogue.js';
import { generateLog, generateSamples, type GenerateOptions } from '../../fixtures/generate.js';
import { BIN, FIXTURES, runCli, runCliAsync } from '../helpers/cli.js';
import { needProgram } from '../helpers/programs.js';
import { needReference } from '../helpers/reference.js';
import { Warn } from '../../src/errors.js';

// Without the original pipeline these skip; test/e2e/golden.test.ts still compares with its output.
const reference = needReference();
const awks = [
  ['mawk', reference && needProgram('mawk', 'apt-get install mawk')],
  ['gawk', reference && needProgram('gawk', 'apt-get install gawk')],
] as const;

function awk(program: string, files: readonly string[], input?: Buffer): Buffer {
  const r = spawnSync(program, ['-f', reference!.awkScript, ...files], { input, maxBuffer: 1 << 30 });
  expect(r.status).toBe(0);
  return r.stdout;
}

const fixture = (name: string): string => join(FIXTURES, name);
const wellFormed = CATALOGUE.filter((f) => f.awkReadsIt).map((f) => f.name);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fmfi-csv-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a generated log to the temporary folder without holding it whole. */
async function generated(name: string, options: GenerateOptions): Promise<string> {
  const path = join(dir, name);
  const out = createWriteStream(path);
  for (const s of generateSamples(options)) if (!out.write(s)) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((r) => out.end(() => r()));
  return path;
}

describe.each(awks)('fmfi-plot csv is byte-identical to %s -f parse_vm_frag.awk', (_name, program) => {
  it.skipIf(program === null).each(wellFormed)('on %s', (name) => {
    const ours = runCli(['csv', fixture(name)]);
    expect(ours.status).toBe(0);
    expect(ours.stdout.equals(awk(program!, [fixture(name)]))).toBe(true);
  });

  it.skipIf(program === null)('on several logs, concatenated as cat a b | awk would print', () => {
    const names = ['one-domain.log', 'numa-2-domains.log', 'samples-without-output.log', 'orders-11.log'].map(fixture);
    const ours = runCli(['csv', ...names]);
    const cat = Buffer.concat(names.map((n) => readFileSync(n)));
    expect(ours.stdout.equals(awk(program!, [], cat))).toBe(true);
  });

  it.skipIf(program === null)('on standard input', () => {
    const log = readFileSync(fixture('numa-4-domains.log'));
    const ours = runCli(['csv', '-'], { input: log });
    expect(ours.stdout.equals(awk(program!, [], log))).toBe(true);
  });

  it.skipIf(program === null)('on generated logs of 1 to 14 orders and 1 to 4 domains', () => {
    for (const [orders, domains] of [[1, 1], [5, 3], [14, 2], [9, 4]] as const) {
      const path = join(dir, `gen-${orders}-${domains}.log`);
      writeFileSync(path, generateLog({ samples: 200, orders, domains, seed: orders * 10 + domains, withoutOutputEvery: 7 }));
      const ours = runCli(['csv', path]);
      expect(ours.stderr).toBe(domains === 1 ? '' : `${path}:1: note: ${Warn.AWK_DOMAINS_MIXED(domains)}\n`);
      expect(ours.stdout.equals(awk(program!, [path]))).toBe(true);
    }
  });

  it.skipIf(program === null)('on a generated log of 100,000 samples', { timeout: 180_000 }, async () => {
    const path = await generated('long.log', { samples: 100_000, seed: 42 });
    expect(statSync(path).size).toBeGreaterThan(30e6);
    const ours = await runCliAsync(['csv', path]);
    expect(ours.status).toBe(0);
    expect(ours.stderr).toBe('');
    const theirs = awk(program!, [path]);
    expect(ours.stdout.length).toBe(theirs.length);
    expect(ours.stdout.equals(theirs)).toBe(true);
  });
});

/** Where the awk script goes wrong: fmfi-plot prints the right rows and says why on stderr. */
describe('where the awk script goes wrong', () => {
  const mawk = awks[0][1];
  const lines = (b: Buffer): string[] => b.toString('latin1').split('\n').filter(Boolean);

  it.skipIf(mawk === null)('a cut-off last row: awk prints a wrong number, fmfi-plot skips the row', () => {
    const ours = runCli(['csv', fixture('cut-off.log')]);
    const theirs = lines(awk(mawk!, [fixture('cut-off.log')]));
    expect(theirs.at(-1)).toMatch(/^0 2024-04-08_10:25:00 -1$/);
    expect(lines(ours.stdout)).toEqual(theirs.slice(0, -1));
    expect(ours.stderr).toContain('cut-off.log:113: warning: FMFI row cut off at the end of the file ("   0 (     4K) |  -1"): row skipped');
    expect(ours.status).toBe(0);
  });

  it.skipIf(mawk === null)('CRLF: awk puts a carriage return into the date, fmfi-plot does not', () => {
    const ours = runCli(['csv', fixture('crlf.log')]);
    const theirs = awk(mawk!, [fixture('crlf.log')]).toString('latin1');
    expect(theirs).toContain('\r');
    expect(ours.stdout.toString('latin1')).toBe(theirs.replace(/\r/g, ''));
    expect(ours.stderr).toBe('fixtures/crlf.log:1: warning: CRLF line ends: the carriage returns are ignored\n'.replace('fixtures/', `${FIXTURES}/`));
  });

  it.skipIf(mawk === null)('block sizes of 100000K and more: awk drops the rows, fmfi-plot keeps them', () => {
    const ours = runCli(['csv', fixture('orders-17.log')]);
    const kept = lines(ours.stdout);
    expect(kept.filter((l) => !/^1[56] /.test(l))).toEqual(lines(awk(mawk!, [fixture('orders-17.log')])));
    expect(kept.filter((l) => /^16 /.test(l))).toHaveLength(48);
    expect(ours.stderr).toMatch(/orders-17\.log:1: note: rows with a block size of 100000K or more, such as order 16 \(262144K\)/);
    expect(runCli(['csv', '--strict', fixture('orders-17.log')]).status).toBe(0);
  });

  it.skipIf(mawk === null)('rows before the first date: awk prints them without a date, fmfi-plot skips them', () => {
    const ours = runCli(['csv', fixture('rows-before-date.log')]);
    const theirs = lines(awk(mawk!, [fixture('rows-before-date.log')]));
    expect(theirs.filter((l) => /^\d+  /.test(l))).toHaveLength(13);
    expect(lines(ours.stdout)).toEqual(theirs.filter((l) => !/^\d+  /.test(l)));
    expect(ours.stderr).toMatch(/rows-before-date\.log:3: warning: 13 FMFI rows before the first date line: skipped/);
  });

  it.skipIf(mawk === null)('a date that is no real date: awk prints it, fmfi-plot skips its sample', () => {
    const ours = runCli(['csv', fixture('bad-date.log')]);
    const theirs = lines(awk(mawk!, [fixture('bad-date.log')]));
    expect(lines(ours.stdout)).toEqual(theirs.filter((l) => !l.includes('2024-13-45')));
    expect(ours.stderr).toMatch(/bad-date\.log:24: warning: "2024-13-45_99:99:99" is not a real date: line and its 13 rows skipped/);
  });
});

describe('fmfi-plot csv on inputs read in many chunks', () => {
  it('a pipe as /dev/fd/N (a process substitution) gives what the file gives (chunks read one after another, never by position)', { timeout: 60_000 }, async () => {
    const path = await generated('chunks.log', { samples: 12_000, domains: 2, seed: 5 });
    expect(statSync(path).size).toBeGreaterThan(3 << 20);
    // A process substitution of bash: the pipe's reading end as /dev/fd/N.
    const r = spawnSync('bash', ['-c', '"$0" "$1" csv <(cat "$2")', process.execPath, BIN, path], { maxBuffer: 1 << 30 });
    expect(r.error).toBeUndefined();
    const fromFile = runCli(['csv', path]);
    expect(r.status).toBe(0);
    expect(r.stderr.toString().replace(/\/dev\/fd\/\d+/g, path)).toBe(fromFile.stderr);
    expect(r.stdout.equals(fromFile.stdout)).toBe(true);
  });

  it('standard output redirected to a file (> and >>) gets what a pipe gets', { timeout: 60_000 }, () => {
    // A file as standard output is written in its own way (writes overlap the parsing).
    const path = join(dir, 'redirected.log');
    writeFileSync(path, generateLog({ samples: 12_000, domains: 2, seed: 6 }));
    const piped = runCli(['csv', path, fixture('gap.log')]);
    expect(piped.status).toBe(0);
    expect(piped.stdout.length).toBeGreaterThan(3 << 20);
    const out = join(dir, 'redirected.csv');
    const toFile = (flags: 'w' | 'a'): number | null => {
      const fd = openSync(out, flags);
      try {
        return spawnSync(process.execPath, [BIN, 'csv', path, fixture('gap.log')], { stdio: ['ignore', fd, 'ignore'] }).status;
      } finally {
        closeSync(fd);
      }
    };
    writeFileSync(out, 'stale content, longer than nothing\n');
    expect(toFile('w')).toBe(0);
    expect(readFileSync(out).equals(piped.stdout)).toBe(true);
    expect(toFile('a')).toBe(0);
    expect(readFileSync(out).equals(Buffer.concat([piped.stdout, piped.stdout]))).toBe(true);
  });

  it('--jobs is a usage error: one thread writes the CSV, so the option would do nothing', () => {
    const r = runCli(['csv', '--jobs', '2', fixture('numa-2-domains.log')]);
    expect(r.status).toBe(2);
    expect(r.stdout.length).toBe(0);
    expect(r.stderr).toBe("fmfi-plot: unknown option '--jobs' for csv: it is an option of render\n(see 'fmfi-plot render --help')\n");
    expect(runCli(['csv', '--help']).stdout.toString()).not.toMatch(/--jobs/);
  });
});

describe('fmfi-plot csv options', () => {
  it('--dialect csv writes RFC 4180 with a header, zone-less ISO times and one record per row', () => {
    const r = runCli(['csv', '--dialect', 'csv', fixture('numa-2-domains.log')], { env: { ...process.env, TZ: 'Pacific/Chatham' } });
    const records = r.stdout.toString().split('\r\n');
    expect(records[0]).toBe('time,domain,order,size_kib,fmfi');
    expect(records[1]).toMatch(/^2024-04-08T10:05:00,0,12,16384,-?\d+$/);
    expect(records.filter((l) => /,1,\d+,\d+,/.test(l))).toHaveLength(48 * 13);
    expect(records.at(-1)).toBe('');
    expect(records).toHaveLength(1 + 2 * 48 * 13 + 1);
  });

  it('the awk dialect says once, as a note, that the rows of several domains come out mixed, and how to part them', () => {
    const r = runCli(['csv', fixture('numa-4-domains.log'), fixture('one-domain.log'), fixture('numa-2-domains.log')]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(
      `${fixture('numa-4-domains.log')}:1: note: its samples have 4 domains: as parse_vm_frag.awk does, the awk dialect prints the rows of all of them mixed, ` +
        'with nothing to tell them apart; --domain N keeps one, --dialect csv adds a domain column\n' +
        `${fixture('numa-2-domains.log')}:1: note: ${Warn.AWK_DOMAINS_MIXED(2)}\n`,
    );
    // A note: --strict passes; neither --domain nor the csv dialect has anything to say.
    expect(runCli(['csv', '--strict', fixture('numa-2-domains.log')]).status).toBe(0);
    expect(runCli(['csv', '--domain', '1', fixture('numa-2-domains.log')]).stderr).toBe('');
    expect(runCli(['csv', '--dialect', 'csv', fixture('numa-2-domains.log')]).stderr).toBe('');
  });

  it('names two logs joined into one (cat a b) once, and prints every row of both', () => {
    const newer = readFileSync(fixture('vm_frag_20240617_1430.log'));
    const older = readFileSync(fixture('vm_frag_20240610_0912.log'));
    const joined = runCli(['csv', '-'], { input: Buffer.concat([newer, older]) });
    expect(joined.status).toBe(0);
    expect(joined.stderr).toBe(
      `<stdin>:${newer.toString('latin1').split('\n').length}: warning: the sample of 2024-06-10_09:15:00 goes back to the log's first sample ` +
        '(2024-06-17_14:35:00, line 1) or before it: two logs joined into one (cat a b)? Each boot window belongs in a log of its own; samples kept in log order\n',
    );
    expect(joined.stdout.equals(Buffer.concat([runCli(['csv', fixture('vm_frag_20240617_1430.log')]).stdout, runCli(['csv', fixture('vm_frag_20240610_0912.log')]).stdout]))).toBe(true);
    // Under the name of the newer boot, the older samples lie before its boot time: said too.
    const named = join(dir, 'vm_frag_20240617_1430.log');
    writeFileSync(named, Buffer.concat([older, newer]));
    expect(runCli(['csv', named]).stderr).toBe(
      `${named}:1: warning: the sample of 2024-06-10_09:15:00 is before the boot time in the file name (2024-06-17 14:30): ` +
        'a log of an earlier boot joined to this one (cat a b), or a wrong file name? Samples kept\n',
    );
  });

  it('--domain N on a log without domain N warns and names the domains it has', () => {
    const r = runCli(['csv', '--domain', '5', fixture('numa-2-domains.log'), fixture('buddyinfo_20240408_1005.log'), fixture('numa-4-domains.log')]);
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBe(0);
    expect(r.stderr).toBe(
      `${fixture('numa-2-domains.log')}: warning: no sample has rows of domain 5: nothing to show for --domain 5; the log has domains 0 and 1\n` +
        `${fixture('buddyinfo_20240408_1005.log')}: warning: no sample has rows of domain 5: nothing to show for --domain 5; ` +
        'the log has domains 0 (node 0 DMA), 1 (node 0 DMA32) and 2 (node 0 Normal)\n' +
        `${fixture('numa-4-domains.log')}: warning: no sample has rows of domain 5: nothing to show for --domain 5; the log has domains 0, 1, 2 and 3\n`,
    );
    expect(runCli(['csv', '--strict', '--domain', '5', fixture('numa-2-domains.log')]).status).toBe(1);
    // A log without any rows has nothing to name: it says so its own way.
    expect(runCli(['csv', '--domain', '5', fixture('no-sysctl.log')]).stderr).not.toMatch(/domain 5/);
  });

  it('--domain N keeps one domain', () => {
    const all = runCli(['csv', '--dialect', 'csv', fixture('numa-4-domains.log')]).stdout.toString().split('\r\n').slice(1, -1);
    const two = runCli(['csv', '--dialect', 'csv', '--domain', '2', fixture('numa-4-domains.log')]).stdout.toString().split('\r\n').slice(1, -1);
    expect(two).toEqual(all.filter((l) => l.split(',')[1] === '2'));
    expect(two.length).toBe(24 * 13);
  });

  it('-o FILE writes the file, and refuses to write onto an input', () => {
    const out = join(dir, 'out.csv');
    expect(runCli(['csv', '-o', out, fixture('one-domain.log')]).status).toBe(0);
    expect(readFileSync(out).equals(runCli(['csv', fixture('one-domain.log')]).stdout)).toBe(true);
    const input = join(dir, 'input.log');
    writeFileSync(input, readFileSync(fixture('one-domain.log')));
    const r = runCli(['csv', '-o', input, input]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`fmfi-plot: ${input}: is also an input: refusing to overwrite it\n`);
    expect(readFileSync(input).equals(readFileSync(fixture('one-domain.log')))).toBe(true);
  });

  it('a missing input fails (exit 1) but every other input is still written', () => {
    const r = runCli(['csv', fixture('one-domain.log'), join(dir, 'nope.log'), fixture('gap.log')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`fmfi-plot: ${join(dir, 'nope.log')}: no such file\n`);
    const both = Buffer.concat([runCli(['csv', fixture('one-domain.log')]).stdout, runCli(['csv', fixture('gap.log')]).stdout]);
    expect(r.stdout.equals(both)).toBe(true);
  });

  it('--strict turns a warning into exit 1, with the output still written', () => {
    const r = runCli(['csv', '--strict', fixture('stray-lines.log')]);
    expect(r.status).toBe(1);
    expect(r.stdout.length).toBeGreaterThan(0);
    expect(runCli(['csv', fixture('stray-lines.log')]).status).toBe(0);
  });

  it('usage errors exit 2 with a message and no stack trace', () => {
    for (const args of [['csv', '--dialect', 'tsv', 'x.log'], ['csv', '--domain', '-1', 'x.log'], ['csv', '--nope'], ['nope-command', '--x']]) {
      const r = runCli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^fmfi-plot: .*\n\(see 'fmfi-plot (csv|render) --help'\)\n$/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout.length).toBe(0);
    }
  });

  it('--warnings N bounds what a damaged log prints', () => {
    const path = join(dir, 'junk.log');
    writeFileSync(path, `${'junk\n'.repeat(50)}${readFileSync(fixture('one-domain.log'), 'latin1')}`);
    const r = runCli(['csv', '--warnings', '3', path]);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      `${path}:1: warning: unexpected line ("junk"): skipped`,
      `${path}:2: warning: unexpected line ("junk"): skipped`,
      `${path}:3: warning: unexpected line ("junk"): skipped`,
      `${path}: 47 more warnings not shown`,
    ]);
    expect(r.stdout.equals(runCli(['csv', fixture('one-domain.log')]).stdout)).toBe(true);
  });
});
