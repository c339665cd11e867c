/**
 * The busy neighbour: a CPU-bound loop that keeps one core busy, as another tenant of a shared
 * virtual machine would, until it is killed (SIGTERM, no handler: the loop never yields), its
 * parent goes away, or `argv[2]` seconds have passed. Forked by `busy-neighbour.ts`.
 */
const limitMs = Number(process.argv[2] ?? 900) * 1000;
const parent = process.ppid;
const started = Date.now();
let sink = 0;
for (;;) {
  for (let i = 0; i < 2_000_000; i++) sink = (sink + Math.sqrt(i * 7919)) % 1e9;
  if (process.ppid !== parent || Date.now() - started > limitMs) break;
}
process.exit(sink > -1 ? 0 : 1);
