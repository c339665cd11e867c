import { strToU8, Zip, ZipDeflate, type ZipInputFile } from 'fflate';
import { crc32, deflateRawSync } from 'node:zlib';
import { areaCot, reportCot, siteCot, teamCot, type CotContext } from '../tak/cot-writer';
import { bannerOf, type ExportContent } from './export-content';
import { xmlEscape as x } from './xml-text';

/**
 * Reports a package holds at most, the newest first. A TAK client cannot show more to any use, a
 * zip without ZIP64 lists at most 65,535 entries, and the zip's directory and the manifest are
 * written at the end from what was kept of every entry (about 2 KB each with fflate).
 */
export const TAK_PACKAGE_MAX_REPORTS = 10_000;

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
    const entry = new DeflatedEntry(`${safe(uid)}/${safe(uid)}.cot`, Buffer.from(xml, 'utf8'));
    zip.add(entry);
    entry.push();
    entries.push(uid);
  };

  const context: CotContext = { exercise: content.operation.exercise, now: content.generatedAt, staleMs: PACKAGE_STALE_MS };
  if (content.area) add(`lintas-area-${content.operation.id}`, areaCot(content.operation, content.area, content.marking, context));
  for (const site of content.sites) add(`lintas-site-${site.id}`, siteCot(site, context));
  for (const team of content.teams) add(`lintas-team-${team.id}`, teamCot(team, context));
  yield* take();
  let reports = 0;
  let truncated = false;
  for await (const page of content.reports()) {
    for (const report of page) {
      if (reports === TAK_PACKAGE_MAX_REPORTS) {
        truncated = true;
        break;
      }
      reports++;
      add(`lintas-report-${report.id}`, reportCot(report, context));
    }
    yield* take();
    // Leaving the loop ends the read: the database cursor is closed.
    if (truncated) break;
  }

  const manifest = new ZipDeflate('MANIFEST/manifest.xml', { level: 6 });
  zip.add(manifest);
  manifest.push(
    strToU8(
      '<?xml version="1.0" encoding="UTF-8"?>\n<MissionPackageManifest version="2"><Configuration>' +
        `<Parameter name="uid" value="lintas-export-${content.operation.id}-${content.generatedAt.getTime()}"/>` +
        `<Parameter name="name" value="${x(packageName)}"/>` +
        `<Parameter name="remarks" value="${x(
          `${bannerOf(content)} — exported ${content.generatedAt.toISOString()} by ${content.exportedBy}` +
            (truncated ? ` — the ${TAK_PACKAGE_MAX_REPORTS.toLocaleString('en-GB')} newest reports only; the other formats hold them all` : ''),
        )}"/>` +
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

/**
 * One small file, deflated at once, as an entry of fflate's streaming zip. (fflate's own
 * `ZipDeflate` keeps its compressor, about 100 KB, in the zip's list of entries until the end:
 * 100,000 CoT files would hold gigabytes. This entry keeps only its name, size and checksum.)
 */
class DeflatedEntry implements ZipInputFile {
  readonly size: number;
  readonly crc: number;
  readonly compression = 8;
  readonly mtime = new Date();
  /** Set by the zip when the entry is added. */
  ondata?: ZipInputFile['ondata'];
  private compressed: Uint8Array<ArrayBuffer> | null;

  constructor(
    readonly filename: string,
    data: Buffer,
  ) {
    this.size = data.length;
    this.crc = crc32(data);
    this.compressed = new Uint8Array(deflateRawSync(data, { level: 6 }));
  }

  /** After `zip.add(entry)`: hands the zip the compressed bytes. */
  push(): void {
    const compressed = this.compressed!;
    this.compressed = null;
    this.ondata!(null, compressed, true);
  }
}

/** uids are Lintas's own (`lintas-<kind>-<uuid>`); the check keeps a path out of the zip's names all the same. */
function safe(uid: string): string {
  return uid.replace(/[^A-Za-z0-9._-]/g, '_');
}
