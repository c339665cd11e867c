// Writes CoT events as a TAK client would, with @tak-ps/node-cot (an ES module, hence a separate
// process): reads a JSON array of GeoJSON point features on stdin, prints a JSON array of XML.
import { CoTParser } from '@tak-ps/node-cot';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const out = [];
for (const feature of JSON.parse(input)) out.push(CoTParser.to_xml(await CoTParser.from_geojson(feature)));
process.stdout.write(JSON.stringify(out));
