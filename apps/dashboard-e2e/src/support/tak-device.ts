import { spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { WORKSPACE_ROOT } from '@lintas/testing';

/**
 * A TAK device as the browser tests need one: CoT position events written by @tak-ps/node-cot (an
 * ES module, run in its own Node process) and streamed over plain TCP, as ATAK does.
 */
const WRITE_COT = `
import { CoTParser } from '@tak-ps/node-cot';
let input = '';
for await (const chunk of process.stdin) input += chunk;
const out = [];
for (const feature of JSON.parse(input)) out.push(CoTParser.to_xml(await CoTParser.from_geojson(feature)));
process.stdout.write(JSON.stringify(out));
`;

export async function cotPositions(uid: string, points: { lat: number; lon: number; at: Date }[]): Promise<string[]> {
  const features = points.map(({ lat, lon, at }) => ({
    id: uid,
    type: 'Feature',
    properties: { type: 'a-f-G-U-C', how: 'm-g', callsign: uid, time: at.toISOString(), start: at.toISOString(), stale: new Date(at.getTime() + 300_000).toISOString() },
    geometry: { type: 'Point', coordinates: [lon, lat] },
  }));
  const child = spawn(process.execPath, ['--input-type=module', '-e', WRITE_COT], { cwd: WORKSPACE_ROOT });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  child.stdin.end(JSON.stringify(features));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`writing CoT failed: ${err}`);
  return JSON.parse(out) as string[];
}

export function connectTak(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}
