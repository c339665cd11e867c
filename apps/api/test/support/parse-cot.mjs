// Parses CoT events (one per line of stdin, base64) with @tak-ps/node-cot and prints them as
// GeoJSON features, one JSON array: the independent CoT parser of the tests.
import { CoTParser } from '@tak-ps/node-cot';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const features = [];
for (const line of input.split('\n').filter(Boolean)) {
  const cot = CoTParser.from_xml(Buffer.from(line, 'base64').toString('utf8'));
  features.push({ ...(await CoTParser.to_geojson(cot)), opex: cot.raw.event._attributes.opex ?? null, access: cot.raw.event._attributes.access ?? null });
}
process.stdout.write(JSON.stringify(features));
