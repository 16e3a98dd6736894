// fast-check for every test file: FC_RUNS sets the number of cases, FC_SEED replays a failure's printed seed.
import fc from 'fast-check';

const runs = Number(process.env.FC_RUNS ?? 100);
const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
fc.configureGlobal({ numRuns: runs, ...(seed === undefined ? {} : { seed }) });
