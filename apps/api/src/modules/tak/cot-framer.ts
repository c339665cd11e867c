import { StringDecoder } from 'node:string_decoder';

/** The largest CoT event accepted, and the most a connection may hold of an unfinished one. */
export const MAX_COT_EVENT_BYTES = 64 * 1024;

export type CotStreamRefusal = 'too_large' | 'entity';

/** DTDs are where entities are declared (and expanded, in a parser that would): CoT has no use for them. */
const DTD = /<!(DOCTYPE|ENTITY)/i;

/**
 * Splits a TCP stream of CoT events, sent back to back as ATAK and WinTAK do, after each
 * `</event>`. Refuses (and the caller closes the connection) an event or an unfinished tail over
 * 64 KB, and any DTD or entity declaration, before any XML parser sees the text.
 */
export class CotFramer {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';

  push(chunk: Buffer): { events: string[]; refusal: CotStreamRefusal | null } {
    this.pending += this.decoder.write(chunk);
    const events: string[] = [];
    if (DTD.test(this.pending)) return { events, refusal: 'entity' };
    for (;;) {
      const end = this.pending.indexOf('</event>');
      if (end < 0) break;
      const event = this.pending.slice(0, end + '</event>'.length).trim();
      this.pending = this.pending.slice(end + '</event>'.length);
      if (Buffer.byteLength(event) > MAX_COT_EVENT_BYTES) return { events, refusal: 'too_large' };
      events.push(event);
    }
    // Characters are at least one byte each: count bytes only when the tail could be too long.
    if (this.pending.length > MAX_COT_EVENT_BYTES / 4 && Buffer.byteLength(this.pending) > MAX_COT_EVENT_BYTES) return { events, refusal: 'too_large' };
    return { events, refusal: null };
  }
}
