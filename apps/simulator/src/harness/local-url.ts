/**
 * The simulator and the benchmark are load generators: they may only ever talk to this machine.
 * Every URL they are given passes through here first.
 */
const LOCAL_HOSTS = new Set(['localhost', '[::1]', '::1']);

export function isLocalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.hostname.toLowerCase();
  return LOCAL_HOSTS.has(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export function requireLocalUrl(url: string, what = 'URL'): string {
  if (!isLocalUrl(url)) {
    throw new Error(`${what} ${url} is not on this machine: the simulator only talks to localhost or 127.0.0.0/8`);
  }
  return url.replace(/\/+$/, '');
}
