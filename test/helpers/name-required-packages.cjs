// Preloaded with `node --require`: names on stderr, at exit, every package the program
// loaded with require() (test/e2e/startup.test.ts).
process.on('exit', () => {
  const names = new Set();
  for (const file of Object.keys(require.cache)) {
    const m = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(file);
    if (m) names.add(m[1].replace('\\', '/'));
  }
  for (const name of names) process.stderr.write(`REQUIRE ${name}\n`);
});
