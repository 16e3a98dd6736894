// `fmfi-plot metrics` with the real Prometheus tools: promtool checks and backfills it, Prometheus answers queries on it, node_exporter serves it.
//
// Debian's `prometheus` package gives prometheus and promtool, `prometheus-node-exporter`
// the exporter (.ci/run installs them). Each server runs on 127.0.0.1 on a free port with
// its own folder, and is stopped in afterAll; every wait has a bound.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLog } from '../../fixtures/generate.js';
import { FIXTURES, runCli } from '../helpers/cli.js';
import { findProgram, needProgram } from '../helpers/programs.js';
import { httpGet, startServer, type Server } from '../helpers/servers.js';
import { fragSample, metricLines } from '../views/metrics/samples.js';

const promtool = needProgram('promtool', 'apt-get install prometheus');
const prometheus = needProgram('prometheus', 'apt-get install prometheus');
const nodeExporter = findProgram('node_exporter') ?? needProgram('prometheus-node-exporter', 'apt-get install prometheus-node-exporter');

/** A week of one sample every five minutes on two NUMA domains, from 2024-06-03 00:00 (Berlin summer time, UTC+2). */
const LOG_NAME = 'vm_frag_20240602_2355.log';
const WEEK = { seed: 31, samples: 7 * 24 * 12, intervalSeconds: 300, domains: 2, start: '2024-06-03_00:00:00' };
const BERLIN_OFFSET_S = 2 * 3600;

let dir: string;
let log: string;
const servers: Server[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fmfi-prometheus-'));
  log = join(dir, LOG_NAME);
  writeFileSync(log, generateLog(WEEK));
});
afterAll(async () => {
  for (const s of servers) await s.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs a program to the end, killed after `timeoutMs`. */
function run(program: string, args: readonly string[], input = '', timeoutMs = 120_000): { status: number | null; out: string } {
  const r = spawnSync(program, args, { input, encoding: 'utf8', timeout: timeoutMs });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** The FMFI rows of the sample of `date` as the log has them: `domain/order` → value as written. */
function loggedRows(text: string, date: string): Map<string, string> {
  const start = text.indexOf(`${date}\n`);
  const end = text.indexOf('\n\n\n', start);
  const rows = new Map<string, string>();
  let domain = -1;
  for (const line of text.slice(start, end).split('\n')) {
    const d = /^DOMAIN (\d+)$/.exec(line);
    if (d !== null) domain = Number(d[1]);
    const r = /^ +(\d+) \( *\d+K\) \|  (-?\d+) $/.exec(line);
    if (r !== null) rows.set(`${domain}/${r[1]}`, r[2]!);
  }
  return rows;
}

describe.skipIf(promtool === null)('promtool', () => {
  it('check metrics accepts --latest of every kind of log, file names with quotes, backslashes and line feeds included', () => {
    const odd = join(dir, 'odd "name" \\ with\nline feed é.log');
    writeFileSync(odd, fragSample('2024-04-08_10:00:00', [[[1, 8, 500], [0, 4, -1]]]));
    const logs = [log, odd, ...['buddyinfo-2-nodes.log', 'phys-free-2-domains.log', 'orders-17.log'].map((f) => join(FIXTURES, f))];
    const r = runCli(['metrics', '--latest', '--utc', '--label', 'host=db "1"', ...logs]);
    expect(r.status, r.stderr).toBe(0);
    const check = run(promtool!, ['check', 'metrics'], r.stdout.toString());
    expect(check).toEqual({ status: 0, out: '' });
    rmSync(odd);
  });

  it('tsdb create-blocks-from openmetrics takes the history of a week on two domains', () => {
    const r = runCli(['metrics', '--timezone', 'Europe/Berlin', log, '-o', join(dir, 'week.om')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const blocks = run(promtool!, ['tsdb', 'create-blocks-from', 'openmetrics', '--quiet', join(dir, 'week.om'), join(dir, 'data')]);
    expect(blocks.status, blocks.out).toBe(0);
    // A block per two hours of the week.
    expect(readdirSync(join(dir, 'data')).filter((f) => /^[0-9A-Z]{26}$/.test(f)).length).toBeGreaterThanOrEqual(84);
  }, 180_000);
});

describe.skipIf(promtool === null || prometheus === null)('prometheus on the backfilled blocks', () => {
  let server: Server;
  beforeAll(async () => {
    if (readdirSync(dir).includes('data')) {
      writeFileSync(join(dir, 'prometheus.yml'), 'global:\n  scrape_interval: 1h\n');
      server = await startServer(
        prometheus!,
        (port) => [
          `--config.file=${join(dir, 'prometheus.yml')}`,
          `--storage.tsdb.path=${join(dir, 'data')}`,
          '--storage.tsdb.retention.time=100y',
          `--web.listen-address=127.0.0.1:${port}`,
        ],
        '/-/ready',
      );
      servers.push(server);
    }
  });

  it.each([0, 1000, WEEK.samples - 1])('answers a query at the time of sample %i with exactly the logged FMFI values', async (index) => {
    expect(server, 'the blocks of the test before').toBeDefined();
    const text = readFileSync(log, 'utf8');
    const local = Date.UTC(2024, 5, 3) / 1000 + index * WEEK.intervalSeconds;
    const date = new Date(local * 1000).toISOString().replace('T', '_').slice(0, 19);
    const logged = loggedRows(text, date);
    expect(logged.size).toBe(26);
    const time = local - BERLIN_OFFSET_S;
    const query = encodeURIComponent(`fmfi_index{boot="${LOG_NAME}"}`);
    const r = await httpGet(`http://127.0.0.1:${server.port}/api/v1/query?query=${query}&time=${time}`);
    expect(r.status, r.body).toBe(200);
    const body = JSON.parse(r.body) as { data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> } };
    const answered = new Map(body.data.result.map((s) => [`${s.metric.domain}/${s.metric.order}`, s.value[1]]));
    expect(body.data.result.every((s) => s.value[0] === time)).toBe(true);
    expect(answered).toEqual(logged);

    // The average free block size too: (1000 - FMFI(0)) thousandths of a 4 KiB page.
    const average = await httpGet(`http://127.0.0.1:${server.port}/api/v1/query?query=${encodeURIComponent('fmfi_average_free_block_bytes{domain="1"}')}&time=${time}`);
    const [series] = (JSON.parse(average.body) as { data: { result: Array<{ value: [number, string] }> } }).data.result;
    expect(series!.value[1]).toBe(String(((1000 - Number(logged.get('1/0'))) * 4096) / 1000));
  });
});

describe.skipIf(nodeExporter === null)('node_exporter', () => {
  it('serves --latest written into its textfile folder on /metrics, with no scrape error', async () => {
    const textfiles = join(dir, 'textfile');
    mkdirSync(textfiles);
    const r = runCli(['metrics', '--latest', '--utc', log, join(FIXTURES, 'buddyinfo-2-nodes.log'), '-o', join(textfiles, 'fmfi.prom')]);
    expect(r.status, r.stderr).toBe(0);
    const server = await startServer(
      nodeExporter!,
      (port) => [`--web.listen-address=127.0.0.1:${port}`, '--collector.disable-defaults', '--collector.textfile', `--collector.textfile.directory=${textfiles}`],
      '/',
    );
    servers.push(server);
    const scraped = await httpGet(`http://127.0.0.1:${server.port}/metrics`);
    expect(scraped.status).toBe(200);
    expect(scraped.body).toContain('node_textfile_scrape_error 0\n');
    // Every line fmfi-plot wrote is served, with the same labels and value. node_exporter orders
    // labels and series its own way, writes numbers as Go does (1.7125848e+09), and gives the
    // FreeBSD series of a family that also has Linux ones an empty zone label, which
    // Prometheus reads as none.
    const key = (l: { name: string; labels: Readonly<Record<string, string>>; value: string }): string =>
      `${l.name}${JSON.stringify(Object.entries(l.labels).filter(([, v]) => v !== '').sort())} ${Number(l.value)}`;
    const served = new Set(metricLines(scraped.body).filter((l) => l.name.startsWith('fmfi_')).map(key));
    const written = metricLines(readFileSync(join(textfiles, 'fmfi.prom'), 'utf8')).map(key);
    expect(written.length).toBe(26 + 2 + 1 + 8 * (4 * 11 + 1) + 1);
    expect(new Set(written)).toEqual(served);
  });
});
