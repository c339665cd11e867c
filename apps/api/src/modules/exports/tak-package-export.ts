import { strToU8, Zip, ZipDeflate } from 'fflate';
import { areaCot, reportCot, siteCot, teamCot, type CotContext } from '../tak/cot-writer';
import { bannerOf, type ExportContent } from './export-content';
import { xmlEscape as x } from './xml-text';

/** Items of a data package stay on a TAK map this long before they grey out. */
const PACKAGE_STALE_MS = 30 * 24 * 3600_000;

/**
 * A TAK data package (mission package v2): a zip with one CoT event per item (`<uid>/<uid>.cot`:
 * the area as a shape, border sites, teams as friendly ground units, reports as points) and
 * `MANIFEST/manifest.xml` listing them, written last. The zip is produced entry by entry as the
 * response is read (fflate's streaming zip), never whole in memory.
 */
export async function* takPackageExport(content: ExportContent, packageName: string): AsyncGenerator<Uint8Array> {
  const output: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else output.push(chunk);
  });
  const take = (): Uint8Array[] => {
    if (failure) throw failure;
    return output.splice(0, output.length);
  };
  const entries: string[] = [];
  const add = (uid: string, xml: string | null) => {
    if (xml === null) return;
    const name = `${safe(uid)}/${safe(uid)}.cot`;
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(strToU8(xml), true);
    entries.push(uid);
  };

  const context: CotContext = { exercise: content.operation.exercise, now: content.generatedAt, staleMs: PACKAGE_STALE_MS };
  if (content.area) add(`lintas-area-${content.operation.id}`, areaCot(content.operation, content.area, content.marking, context));
  for (const site of content.sites) add(`lintas-site-${site.id}`, siteCot(site, context));
  for (const team of content.teams) add(`lintas-team-${team.id}`, teamCot(team, context));
  yield* take();
  for await (const page of content.reports()) {
    for (const report of page) add(`lintas-report-${report.id}`, reportCot(report, context));
    yield* take();
  }

  const manifest = new ZipDeflate('MANIFEST/manifest.xml', { level: 6 });
  zip.add(manifest);
  manifest.push(
    strToU8(
      '<?xml version="1.0" encoding="UTF-8"?>\n<MissionPackageManifest version="2"><Configuration>' +
        `<Parameter name="uid" value="lintas-export-${content.operation.id}-${content.generatedAt.getTime()}"/>` +
        `<Parameter name="name" value="${x(packageName)}"/>` +
        `<Parameter name="remarks" value="${x(`${bannerOf(content)} — exported ${content.generatedAt.toISOString()} by ${content.exportedBy}`)}"/>` +
        '<Parameter name="onReceiveDelete" value="false"/></Configuration><Contents>',
    ),
  );
  for (let start = 0; start < entries.length; start += 1000) {
    const chunk = entries
      .slice(start, start + 1000)
      .map((uid) => `<Content ignore="false" zipEntry="${safe(uid)}/${safe(uid)}.cot"><Parameter name="uid" value="${x(uid)}"/></Content>`)
      .join('');
    manifest.push(strToU8(chunk));
    yield* take();
  }
  manifest.push(strToU8('</Contents></MissionPackageManifest>\n'), true);
  zip.end();
  yield* take();
}

/** uids are Lintas's own (`lintas-<kind>-<uuid>`); the check keeps a path out of the zip's names all the same. */
function safe(uid: string): string {
  return uid.replace(/[^A-Za-z0-9._-]/g, '_');
}
