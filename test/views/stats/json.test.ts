// The stats JSON: the versioned schema, exact text for a tiny window.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { statsJson } from '../../../src/views/stats/json.js';
import { tinyWindow } from './windows.js';

const EXPECTED = `{
  "schema": "fmfi-plot/stats",
  "version": 1,
  "windows": [
    {
      "log": "vm_frag_20240408_1005.log",
      "bootTime": "2024-04-08T10:05:00",
      "uptimeFrom": "boot-time",
      "first": "2024-04-08T10:10:00",
      "last": "2024-04-08T10:25:00",
      "spanSeconds": 900,
      "samples": 4,
      "samplesWithData": 3,
      "samplesWithoutData": 1,
      "domains": [
        {
          "domain": 0,
          "label": "domain 0",
          "samples": 3,
          "samplesWithoutData": 1,
          "first": "2024-04-08T10:10:00",
          "last": "2024-04-08T10:20:00",
          "spanSeconds": 600,
          "pageKiB": 4,
          "averageBlockKiB": {
            "median": 9.332,
            "worst": 6.664,
            "last": 6.664,
            "fromOrder": 0,
            "exactToKiB": 0.004
          },
          "easyBlockKiB": {
            "median": 8,
            "worst": 4
          },
          "orders": [
            {
              "order": 0,
              "sizeKiB": 4,
              "samples": 3,
              "min": -2000,
              "median": -1333,
              "p90": -666,
              "max": -666,
              "samplesAbove0": 0,
              "shareAbove0": 0,
              "firstAbove0": null
            },
            {
              "order": 1,
              "sizeKiB": 8,
              "samples": 3,
              "min": -500,
              "median": -166,
              "p90": 167,
              "max": 167,
              "samplesAbove0": 1,
              "shareAbove0": 0.3333333333333333,
              "firstAbove0": {
                "time": "2024-04-08T10:20:00",
                "uptimeSeconds": 900
              }
            }
          ]
        }
      ]
    }
  ]
}
`;

describe('statsJson', () => {
  it('writes the fmfi-plot/stats version 1 document, exactly', () => {
    expect(statsJson([tinyWindow()])).toBe(EXPECTED);
  });

  it('writes null for what a window without boot time and samples lacks', () => {
    const empty = {
      ...tinyWindow(),
      bootTime: null,
      uptimeFrom: 'first-sample' as const,
      origin: null,
      first: null,
      last: null,
      spanMs: null,
      samples: 0,
      samplesWithData: 0,
      samplesWithoutData: 0,
      domains: [],
    };
    expect(JSON.parse(statsJson([empty]))).toEqual({
      schema: 'fmfi-plot/stats',
      version: 1,
      windows: [
        {
          log: 'vm_frag_20240408_1005.log', bootTime: null, uptimeFrom: 'first-sample', first: null, last: null,
          spanSeconds: null, samples: 0, samplesWithData: 0, samplesWithoutData: 0, domains: [],
        },
      ],
    });
  });

  it('matches the example in docs/stats-json.md', () => {
    const doc = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'stats-json.md'), 'utf8');
    const example = /## Example[\s\S]*?```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    expect(JSON.parse(example!)).toEqual(JSON.parse(statsJson([tinyWindow()])));
  });
});
