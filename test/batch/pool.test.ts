// How many threads a batch is rendered on: from the size of the work and the cores the load leaves free.
import { describe, expect, it } from 'vitest';
import { threadsFor } from '../../src/batch/pool.js';

const MB = 1e6;
const many = (count: number, bytes: number): number[] => Array.from({ length: count }, () => bytes);

describe('threadsFor', () => {
  it('keeps a few small logs on one thread, whatever the cores', () => {
    expect(threadsFor([], 8)).toBe(1);
    expect(threadsFor(many(3, 0.8 * MB), 8)).toBe(1);
    expect(threadsFor(many(10, 0.1 * MB), 2)).toBe(1);
  });

  it('renders a large batch on every free core, but never on more threads than logs', () => {
    expect(threadsFor(many(50, 1.9 * MB), 2)).toBe(2);
    expect(threadsFor(many(200, 0.8 * MB), 8)).toBe(8);
    expect(threadsFor(many(2, 400 * MB), 8)).toBe(2);
    expect(threadsFor(many(1, 400 * MB), 8)).toBe(1);
  });

  it('takes only the cores the load leaves free', () => {
    expect(threadsFor(many(50, 1.9 * MB), 2, 0.3)).toBe(2);
    expect(threadsFor(many(50, 1.9 * MB), 2, 1.2)).toBe(1);
    expect(threadsFor(many(50, 1.9 * MB), 2, 13.5)).toBe(1);
    expect(threadsFor(many(200, 0.8 * MB), 8, 5)).toBe(3);
  });
});
