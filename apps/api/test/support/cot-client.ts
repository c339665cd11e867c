import { spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';

/** CoT events written by @tak-ps/node-cot, as a TAK client writes them (support/make-cot.mjs). */
export async function makeCot(features: object[]): Promise<string[]> {
  const child = spawn(process.execPath, [join(__dirname, 'make-cot.mjs')], { cwd: __dirname });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  child.stdin.end(JSON.stringify(features));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`make-cot failed: ${err}`);
  return JSON.parse(out) as string[];
}

/** A position event of device `uid` at (lat, lon), made at `time`. */
export function positionFeature(uid: string, lat: number, lon: number, time: Date, callsign = uid) {
  const at = time.toISOString();
  return {
    id: uid,
    type: 'Feature',
    properties: { type: 'a-f-G-U-C', how: 'm-g', callsign, time: at, start: at, stale: new Date(time.getTime() + 300_000).toISOString(), course: 45, speed: 1.5 },
    geometry: { type: 'Point', coordinates: [lon, lat] },
  };
}

export function pingFeature(uid: string) {
  return { id: `${uid}-ping`, type: 'Feature', properties: { type: 't-x-c-t', how: 'h-g-i-g-o' }, geometry: { type: 'Point', coordinates: [0, 0] } };
}

/** Parses CoT events with @tak-ps/node-cot into GeoJSON features (support/parse-cot.mjs). */
export async function parseCot(events: string[]): Promise<{ id: string; properties: { type: string; callsign?: string; remarks?: string }; access: string | null }[]> {
  const child = spawn(process.execPath, [join(__dirname, 'parse-cot.mjs')], { cwd: __dirname });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  child.stdin.end(events.map((event) => Buffer.from(event, 'utf8').toString('base64')).join('\n'));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`parse-cot failed: ${err}`);
  return JSON.parse(out);
}

/** A TCP client of the CoT listener that collects the events it receives and knows when it was closed. */
export class CotClient {
  readonly received: string[] = [];
  closed = false;
  private buffer = '';

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer += chunk.toString('utf8');
      for (let end = this.buffer.indexOf('</event>'); end >= 0; end = this.buffer.indexOf('</event>')) {
        this.received.push(this.buffer.slice(0, end + 8).trim());
        this.buffer = this.buffer.slice(end + 8);
      }
    });
    socket.on('close', () => (this.closed = true));
    socket.on('error', () => undefined);
  }

  static connect(port: number): Promise<CotClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => resolve(new CotClient(socket)));
      socket.once('error', reject);
    });
  }

  send(text: string | Buffer): Promise<void> {
    return new Promise((resolve) => {
      if (this.socket.write(text)) resolve();
      else this.socket.once('drain', () => resolve());
    });
  }

  close(): void {
    this.socket.destroy();
  }
}

/** Waits until `check` answers true (polling), or fails after `timeoutMs` with `what`. */
export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}
