import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** CPU and memory of another process on this machine, from /proc (Linux). */
let ticksPerSecond: number | null = null;

function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** User + system CPU seconds the process has used so far. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / clockTicks();
}

/** Resident set size in bytes. */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match ? Number(match[1]) * 1024 : NaN;
}

/** CPU use of a process over a stretch of time, as a share of one core (1 = one core busy). */
export class CpuMeter {
  private readonly startCpu: number;
  private readonly startTime = process.hrtime.bigint();

  constructor(private readonly pid: number) {
    this.startCpu = cpuSeconds(pid);
  }

  /** CPU seconds used since the meter was made. */
  seconds(): number {
    return cpuSeconds(this.pid) - this.startCpu;
  }

  read(): number {
    const elapsed = Number(process.hrtime.bigint() - this.startTime) / 1e9;
    return elapsed > 0 ? (cpuSeconds(this.pid) - this.startCpu) / elapsed : 0;
  }
}
