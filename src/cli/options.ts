// Option values checked while commander parses them: a bad value is a usage error (exit 2).
import { InvalidArgumentError } from 'commander';

export function parseNonNegativeInt(value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw new InvalidArgumentError(`expected a whole number of 0 or more, got "${value}".`);
  return Number(value);
}

export function parsePositiveInt(value: string): number {
  const n = parseNonNegativeInt(value);
  if (n === 0) throw new InvalidArgumentError(`expected a whole number of 1 or more, got "${value}".`);
  return n;
}
