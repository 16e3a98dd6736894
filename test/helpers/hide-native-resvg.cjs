// Preloaded with `node --require`: makes resvg's native binding impossible to find, as on a
// platform it has no build for (FreeBSD). Its platform packages (@resvg/resvg-js-<platform>)
// and any resvgjs.*.node file then fail to resolve exactly as a missing package does;
// everything else, @resvg/resvg-js's own JavaScript included, loads as usual.
const Module = require('node:module');

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (/^@resvg\/resvg-js-|(^|[\\/])resvgjs\.[^\\/]*\.node$/.test(request)) {
    const error = new Error(`Cannot find module '${request}'`);
    error.code = 'MODULE_NOT_FOUND';
    throw error;
  }
  return resolve.call(this, request, ...rest);
};
