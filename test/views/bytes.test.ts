// ByteBuilder: numbers as printf's %d, and buffers handed over and given back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteBuilder, MAX_INT_BYTES, writeInt } from '../../src/views/bytes.js';

function intText(n: number): string {
  const buf = new Uint8Array(MAX_INT_BYTES);
  return Buffer.from(buf.subarray(0, writeInt(buf, 0, n))).toString('latin1');
}

describe('writeInt', () => {
  it('writes safe integers as String does, at the edges of every width', () => {
    const edges = [0, 9, 10, 99, 100, 999, 2 ** 31 - 1, 2 ** 31, 2 ** 32, Number.MAX_SAFE_INTEGER];
    for (let p = 1; p <= 1e15; p *= 10) edges.push(p - 1, p, p + 1);
    for (const n of edges) {
      expect(intText(n)).toBe(String(n));
      expect(intText(-n)).toBe(n === 0 ? '0' : String(-n));
    }
  });

  it('writes any safe integer as String does', () => {
    fc.assert(fc.property(fc.maxSafeInteger(), fc.boolean(), (n, negative) => {
      const v = negative ? -n : n;
      expect(intText(v)).toBe(String(v));
    }));
  });
});

describe('ByteBuilder', () => {
  it('grows as needed and hands its bytes over without copying them', () => {
    const out = new ByteBuilder(4);
    out.ascii('abc');
    out.int(-12345);
    out.byte(10);
    const taken = out.take();
    expect(taken.toString('latin1')).toBe('abc-12345\n');
    expect(out.length).toBe(0);
    out.ascii('next');
    expect(taken.toString('latin1')).toBe('abc-12345\n');
    expect(out.toString()).toBe('next');
  });

  it('writes over a buffer only once it is given back, and keeps none that shares Node\'s buffer pool', () => {
    const big = new ByteBuilder(1 << 16);
    big.ascii('first');
    const first = big.take();
    big.ascii('second');
    const second = big.take();
    expect(first.buffer).not.toBe(second.buffer);
    big.recycle(first);
    big.ascii('third');
    const third = big.take(); // written before `first` came back
    big.ascii('fourth');
    const fourth = big.take();
    expect(third.buffer).not.toBe(first.buffer);
    expect(fourth.buffer).toBe(first.buffer);
    expect(second.toString('latin1')).toBe('second');
    expect(third.toString('latin1')).toBe('third');

    const small = new ByteBuilder(64);
    small.ascii('pooled');
    const pooled = small.take();
    small.recycle(pooled);
    small.ascii('more bytes than before');
    small.take();
    expect(pooled.toString('latin1')).toBe('pooled');
  });
});
