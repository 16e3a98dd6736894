import { describe, expect, it } from 'vitest';
import { OptionError } from '../../../src/errors.js';
import {
  addConstantLabel,
  bootLabel,
  domainLabels,
  escapeLabelValue,
  escapeTextHelp,
  FAMILIES,
  formatLabels,
  parseConstantLabel,
  SAMPLE_TIME,
} from '../../../src/views/metrics/names.js';

/** The code and message of the OptionError `f` throws. */
function refusal(f: () => unknown): { code: string; message: string } {
  try {
    f();
  } catch (e) {
    if (e instanceof OptionError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('no error');
}

describe('metric names', () => {
  it('are lower snake case under fmfi_, each ending in its unit where it has one', () => {
    for (const family of [...Object.values(FAMILIES), SAMPLE_TIME]) {
      expect(family.name).toMatch(/^fmfi_[a-z_]+$/);
      if (family.unit !== '') expect(family.name.endsWith(`_${family.unit}`)).toBe(true);
      expect(family.help).not.toMatch(/[\n\\]/);
    }
  });
});

describe('--label', () => {
  it('takes NAME=VALUE; the value may hold anything, = included', () => {
    expect(parseConstantLabel('host=db1')).toEqual(['host', 'db1']);
    expect(parseConstantLabel('_x=a=b "c"')).toEqual(['_x', 'a=b "c"']);
    expect(addConstantLabel('job=node', [['host', 'db1']])).toEqual([['host', 'db1'], ['job', 'node']]);
  });

  it('refuses what Prometheus would not take, or would take as no label, and names fmfi-plot sets', () => {
    expect(refusal(() => parseConstantLabel('host'))).toEqual({ code: 'LABEL_SHAPE', message: 'expected a label as NAME=VALUE (for example host=db1), got "host".' });
    expect(refusal(() => parseConstantLabel('1host=a')).code).toBe('LABEL_NAME');
    expect(refusal(() => parseConstantLabel('ho-st=a')).code).toBe('LABEL_NAME');
    expect(refusal(() => parseConstantLabel('__name__=a')).message).toBe(
      'expected a label name of letters, digits and _ that starts with a letter or _ (not __), got "__name__".',
    );
    expect(refusal(() => parseConstantLabel('=a')).code).toBe('LABEL_NAME');
    expect(refusal(() => parseConstantLabel('domain=3'))).toEqual({
      code: 'LABEL_OWN',
      message: 'fmfi-plot sets the labels boot, domain, zone, order, block_size_bytes itself: choose another name than "domain".',
    });
    expect(refusal(() => parseConstantLabel('host='))).toEqual({
      code: 'LABEL_EMPTY',
      message: 'the label host has an empty value, which Prometheus treats as no label at all.',
    });
    expect(refusal(() => addConstantLabel('host=b', [['host', 'a']]))).toEqual({ code: 'LABEL_TWICE', message: 'the label host is given twice.' });
  });
});

describe('escaping', () => {
  it('escapes backslash, double quote and line feed in label values, and nothing else', () => {
    expect(escapeLabelValue('a\\b"c\nd\re\tf é')).toBe('a\\\\b\\"c\\nd\re\tf é');
    expect(formatLabels([['boot', 'x"y.log'], ['domain', '0']])).toBe('{boot="x\\"y.log",domain="0"}');
    expect(formatLabels([])).toBe('');
  });

  it('escapes backslash and line feed in a HELP of the text format', () => {
    expect(escapeTextHelp('a\\b"c\nd')).toBe('a\\\\b"c\\nd');
  });
});

describe('labels of domains and logs', () => {
  it('gives a FreeBSD domain its number, a Linux part its node and zone', () => {
    expect(domainLabels({ domain: 1 })).toEqual([['domain', '1']]);
    expect(domainLabels({ domain: 5, label: 'node 1 DMA32' })).toEqual([['domain', '1'], ['zone', 'DMA32']]);
    expect(domainLabels({ domain: 2, label: 'something else' })).toEqual([['domain', '2']]);
  });

  it('names a log by its file name without folders', () => {
    expect(bootLabel('/var/tmp/vm_frag_20240408_1005.log')).toBe('vm_frag_20240408_1005.log');
    expect(bootLabel('vm_frag_20240408_1005.log')).toBe('vm_frag_20240408_1005.log');
    expect(bootLabel('-')).toBe('<stdin>');
  });
});
