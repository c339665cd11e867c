// Reads a TAK data package with @tak-ps/node-cot (an ES module, hence a separate Node process):
// the package's manifest, and every CoT event in it parsed and checked against that library's
// CoT schema. Prints one JSON document.
import { CoTParser, DataPackage } from '@tak-ps/node-cot';

const pkg = await DataPackage.parse(process.argv[2], { strict: true, cleanup: false });
const cots = await pkg.cots({ respectIgnore: false, parseAttachments: false });
const out = {
  name: pkg.settings.name,
  remarks: pkg.settings.remarks,
  contents: pkg.contents.length,
  cots: await Promise.all(cots.map(async (cot) => ({
    uid: cot.uid(),
    type: cot.type(),
    opex: cot.raw.event._attributes.opex ?? null,
    access: cot.raw.event._attributes.access ?? null,
    callsign: cot.callsign(),
    remarks: cot.raw.event.detail?.remarks?._text ?? null,
    friendlyGround: cot.is_friend() && cot.is_ground(),
    geometryType: (await CoTParser.to_geojson(cot)).geometry.type,
  }))),
};
await pkg.destroy();
process.stdout.write(JSON.stringify(out));
