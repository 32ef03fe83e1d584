// Preloaded into tools that phone home (electronegativity fetches Electron's release list and its
// translations): any name other than loopback fails at once, so the tool behaves the same on a
// closed CI network, an open one, or one where connections hang.
const dns = require('node:dns');

const loopback = new Set(['localhost', '127.0.0.1', '::1']);
function refused(hostname) {
  const err = new Error(`getaddrinfo ENOTFOUND ${hostname} (network disabled for this tool)`);
  err.code = 'ENOTFOUND';
  err.hostname = hostname;
  return err;
}
const lookup = dns.lookup;
dns.lookup = function offlineLookup(hostname, options, callback) {
  const cb = typeof options === 'function' ? options : callback;
  if (loopback.has(hostname)) return lookup.call(dns, hostname, options, callback);
  process.nextTick(cb, refused(hostname));
  return undefined;
};
const promisesLookup = dns.promises.lookup;
dns.promises.lookup = async function offlineLookup(hostname, options) {
  if (loopback.has(hostname)) return promisesLookup.call(dns.promises, hostname, options);
  throw refused(hostname);
};
