// Preloaded with `node --require` (NODE_OPTIONS, so worker threads have it too): appends to the
// file FMFI_TEST_READS the path of every log (*.log) the program opens, one a line
// (test/e2e/index-batch.test.ts counts which logs a rerun reads again).
const fsp = require('node:fs/promises');
const fs = require('node:fs');

const to = process.env.FMFI_TEST_READS;
const note = (path) => {
  if (to !== undefined && String(path).endsWith('.log')) fs.appendFileSync(to, `${String(path)}\n`);
};
for (const [module, name] of [[fsp, 'open'], [fsp, 'readFile'], [fs, 'open'], [fs, 'openSync'], [fs, 'readFile'], [fs, 'readFileSync'], [fs, 'createReadStream']]) {
  const original = module[name];
  module[name] = function (path, ...rest) {
    note(path);
    return original.call(this, path, ...rest);
  };
}
