// Preloaded with `node --require`: names on stderr, at exit, every package the program
// loaded with require() or read a file of (Vega's one-file build is read and compiled;
// test/e2e/startup.test.ts), and every module of fmfi-plot's own build it loaded.
const fs = require('node:fs');

const packageOf = (file) => /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(String(file))?.[1].replace('\\', '/');

const read = new Set();
const readFileSync = fs.readFileSync;
fs.readFileSync = function (file, ...rest) {
  const name = packageOf(file);
  if (name !== undefined) read.add(name);
  return readFileSync.call(this, file, ...rest);
};

process.on('exit', () => {
  const names = new Set(read);
  for (const file of Object.keys(require.cache)) {
    const name = packageOf(file);
    if (name !== undefined) names.add(name);
  }
  for (const name of names) process.stderr.write(`LOADED ${name}\n`);
  for (const file of Object.keys(require.cache)) {
    const own = /[\\/]dist[\\/]src[\\/](.*)$/.exec(file)?.[1];
    if (own !== undefined && packageOf(file) === undefined) process.stderr.write(`MODULE ${own.replaceAll('\\', '/')}\n`);
  }
});
