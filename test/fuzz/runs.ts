// How many cases each fuzz property runs, and how to replay a failure.
//
// Every property here is seeded: on a failure fast-check prints `seed` and `path` with the
// shrunk counterexample. `FC_SEED=<seed> npx vitest run test/fuzz/<file> -t '<test name>'`
// generates the very same cases again and fails the same way (the case counts below are per
// property, so the failing case comes around at the same index); add `FC_PATH=<path>` to go
// straight to the shrunk counterexample without running the cases before it.
//
// FC_RUNS sets the number of parser cases (default PARSER_RUNS); the CLI properties start a
// process per case, so they run a fraction of that, scaled alike, unless FC_CLI_RUNS sets it.
import type fc from 'fast-check';

export const PARSER_RUNS = 400;

const env = (name: string): number | undefined => {
  const v = process.env[name];
  return v === undefined || v === '' ? undefined : Number(v);
};

/** Cases of an in-process property. */
export function parserRuns(): number {
  return env('FC_RUNS') ?? PARSER_RUNS;
}

/** Cases of a property that runs the CLI: `byDefault` of them, scaled with FC_RUNS, or FC_CLI_RUNS. */
export function cliRuns(byDefault: number): number {
  const cli = env('FC_CLI_RUNS');
  if (cli !== undefined) return cli;
  const runs = env('FC_RUNS');
  return runs === undefined ? byDefault : Math.max(1, Math.ceil((byDefault * runs) / PARSER_RUNS));
}

/**
 * fast-check parameters: the case count, and the replay path when FC_PATH gives one. Given the
 * test's time limit, fast-check stops a little before it and reports what it has found, seed
 * included: shrinking a case that hangs costs the hang limit each try, and a test killed by
 * the runner's timeout would print no seed at all.
 */
export function params<T>(numRuns: number, testLimitMs?: number): fc.Parameters<T> {
  const path = process.env.FC_PATH;
  return {
    numRuns,
    ...(path === undefined || path === '' ? {} : { path }),
    ...(testLimitMs === undefined ? {} : { interruptAfterTimeLimit: testLimitMs - 20_000, markInterruptAsFailure: true }),
  };
}

/** A test's time limit for `cases` cases of about `msPerCase` each, with room to spare and to shrink. */
export function timeLimit(cases: number, msPerCase: number): number {
  return 120_000 + cases * msPerCase * 3;
}
