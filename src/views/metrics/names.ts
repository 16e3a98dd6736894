// Metric names, labels and escaping, by Prometheus's conventions: one place that says what each metric means.
//
// Names are lower snake case under the prefix `fmfi_`, in base units with the unit as the
// last word (`_bytes`, `_ratio`, `_seconds`); every metric is a gauge. FMFI keeps the
// kernel's thousandths, as `sysctl vm.phys_frag_idx` prints them; Linux's two indices are
// ratios, as its debugfs files (`unusable_index`, `extfrag_index`) print them.
import { optionError } from '../../errors.js';
import { domainLabel, type DomainReading } from '../../model.js';

/** The value each metric is made of, per domain (`average`) or per domain and order. */
export const MetricKind = {
  fmfi: 'fmfi',
  average: 'average',
  freeBlocks: 'freeBlocks',
  unusable: 'unusable',
  extfrag: 'extfrag',
} as const;
export type MetricKind = keyof typeof MetricKind;

export interface Family {
  readonly name: string;
  /** The OpenMetrics UNIT: the name's last word, or '' for none. */
  readonly unit: '' | 'bytes' | 'ratio' | 'seconds';
  readonly help: string;
}

/** Every family, in the order they are written. */
export const FAMILIES: Readonly<Record<MetricKind, Family>> = {
  fmfi: {
    name: 'fmfi_index',
    unit: '',
    help: 'FMFI of a block size (vm.phys_frag_idx), in thousandths: 1000 fully fragmented, 0 not, below 0 a free block of that size is easy to find.',
  },
  average: {
    name: 'fmfi_average_free_block_bytes',
    unit: 'bytes',
    help: 'Average free block size (free pages over free blocks), from the FMFI of order 0.',
  },
  freeBlocks: {
    name: 'fmfi_free_blocks',
    unit: '',
    help: 'Free blocks of an order (vm.phys_free or /proc/buddyinfo), summed over free lists and pools.',
  },
  unusable: {
    name: 'fmfi_unusable_index_ratio',
    unit: 'ratio',
    help: "Linux's unusable free space index: the share of free memory in blocks smaller than this block size.",
  },
  extfrag: {
    name: 'fmfi_extfrag_index_ratio',
    unit: 'ratio',
    help: "Linux's fragmentation index (extfrag_index): -1 while a free block of this size exists, else near 0 when an allocation would fail for lack of memory and near 1 for fragmentation.",
  },
};

/** `--latest` only: when the sample it shows was taken, so a logger that stopped can be told from one that runs. */
export const SAMPLE_TIME: Family = {
  name: 'fmfi_sample_timestamp_seconds',
  unit: 'seconds',
  help: 'When the sample shown was taken, as Unix time (the log time read in the zone given to fmfi-plot).',
};

/** The labels fmfi-plot sets itself; `--label` may not use them. */
export const OWN_LABELS = ['boot', 'domain', 'zone', 'order', 'block_size_bytes'] as const;

/** A label: name and value. */
export type Label = readonly [name: string, value: string];

const LABEL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * `NAME=VALUE` of `--label`: a Prometheus label name (letters, digits and `_`, not first a
 * digit, not `__` first, which Prometheus keeps for itself), not one fmfi-plot sets, and a
 * value that is not empty (an empty value is no label at all in Prometheus).
 */
export function parseConstantLabel(text: string): Label {
  const eq = text.indexOf('=');
  if (eq < 0) throw optionError('LABEL_SHAPE', text);
  const name = text.slice(0, eq);
  const value = text.slice(eq + 1);
  if (!LABEL_NAME.test(name) || name.startsWith('__')) throw optionError('LABEL_NAME', name);
  if ((OWN_LABELS as readonly string[]).includes(name)) throw optionError('LABEL_OWN', name, OWN_LABELS);
  if (value === '') throw optionError('LABEL_EMPTY', name);
  return [name, value];
}

/** Adds one `--label` to those before it; a name given twice is refused. */
export function addConstantLabel(text: string, before: readonly Label[]): Label[] {
  const label = parseConstantLabel(text);
  if (before.some(([name]) => name === label[0])) throw optionError('LABEL_TWICE', label[0]);
  return [...before, label];
}

/** A label value or an OpenMetrics HELP text: `\`, `"` and line feeds escaped (both formats read these three). */
export function escapeLabelValue(value: string): string {
  return /["\\\n]/.test(value) ? value.replace(/["\\\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`)) : value;
}

/** A HELP text of the Prometheus text format, which escapes `\` and line feeds only. */
export function escapeTextHelp(help: string): string {
  return help.replace(/[\\\n]/g, (c) => (c === '\n' ? '\\n' : '\\\\'));
}

/** `{a="x",b="y"}`, or '' without labels. */
export function formatLabels(labels: readonly Label[]): string {
  if (labels.length === 0) return '';
  return `{${labels.map(([name, value]) => `${name}="${escapeLabelValue(value)}"`).join(',')}}`;
}

/** A Linux part's label, `node 0 Normal` (src/formats/buddyinfo): its node and its zone. */
const LINUX_PART = /^node (\d+) (.+)$/;

/**
 * The labels of a domain: `domain` (a FreeBSD domain, a Linux node) and, on Linux, `zone`.
 * A label of another shape keeps the part's number as `domain`.
 */
export function domainLabels(reading: Pick<DomainReading, 'domain' | 'label'>): Label[] {
  const linux = reading.label === undefined ? null : LINUX_PART.exec(domainLabel(reading));
  if (linux !== null) return [['domain', linux[1]!], ['zone', linux[2]!]];
  return [['domain', String(reading.domain)]];
}

/** The labels of an order: its number and its block size in bytes, as the kernel printed it. */
export function orderLabels(order: number, sizeKiB: number): Label[] {
  return [['order', String(order)], ['block_size_bytes', String(sizeKiB * 1024)]];
}

/** What `boot` says of a log: its file name without folders, the same wherever the log was copied to. */
export function bootLabel(source: string): string {
  if (source === '-') return '<stdin>';
  const slash = source.replace(/\/+$/, '').lastIndexOf('/');
  return slash < 0 ? source : source.slice(slash + 1);
}
