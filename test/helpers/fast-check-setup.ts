// fast-check for every test file: FC_RUNS sets the number of cases, FC_SEED replays a failure's printed seed.
//
// Under CI=true the seed is fixed unless FC_SEED gives one: the run that decides whether a
// change lands then tries the same cases every time, and a failure there is the change's,
// never the luck of a draw. Everywhere else each run draws a new seed and explores further
// (`FC_RUNS=10000` explores much further); what such a run finds is fixed in the code and
// kept as a plain test case.
import fc from 'fast-check';

const CI_SEED = 20261127;

const runs = Number(process.env.FC_RUNS ?? 100);
const given = process.env.FC_SEED;
const seed = given !== undefined && given !== '' ? Number(given) : process.env.CI === 'true' ? CI_SEED : undefined;
fc.configureGlobal({ numRuns: runs, ...(seed === undefined ? {} : { seed }) });
