import { CotFramer, MAX_COT_EVENT_BYTES } from './cot-framer';
import { MalformedCotError, readCotEvent } from './cot-event-reader';

const EVENT = (uid: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><event version="2.0" uid="${uid}" type="a-f-G-U-C" how="m-g" time="2026-12-01T10:00:00Z" start="2026-12-01T10:00:00Z" stale="2026-12-01T10:05:00Z">` +
  `<point lat="10.5" lon="105.1" hae="9999999.0" ce="12.5" le="9999999.0"/><detail><track course="90" speed="1.5"/><contact callsign="ÁNDROID"/></detail></event>`;

describe('CotFramer', () => {
  it('splits events sent back to back, across chunk boundaries and multi-byte characters', () => {
    const framer = new CotFramer();
    const stream = Buffer.from(`${EVENT('a')}\n${EVENT('b')}${EVENT('c')}`);
    const events: string[] = [];
    for (let offset = 0; offset < stream.length; offset += 7) {
      const result = framer.push(stream.subarray(offset, offset + 7));
      expect(result.refusal).toBeNull();
      events.push(...result.events);
    }
    expect(events.map((event) => readCotEvent(event).uid)).toEqual(['a', 'b', 'c']);
  });

  it('refuses a DTD or an entity declaration before any parser sees it', () => {
    const framer = new CotFramer();
    const result = framer.push(Buffer.from('<?xml version="1.0"?><!DOCTYPE event [<!ENTITY x "xx">]><event uid="&x;"'));
    expect(result.refusal).toBe('entity');
  });

  it('refuses an unfinished event over 64 KB, and a finished one', () => {
    const tail = new CotFramer().push(Buffer.from(`<event uid="x" ${'a'.repeat(MAX_COT_EVENT_BYTES)}`));
    expect(tail.refusal).toBe('too_large');
    const whole = new CotFramer().push(Buffer.from(`<event uid="x"><detail><remarks>${'é'.repeat(MAX_COT_EVENT_BYTES / 2)}</remarks></detail></event>`));
    expect(whole.refusal).toBe('too_large');
  });
});

describe('readCotEvent', () => {
  it('reads uid, type, time, point (unknown ce as null) and track', () => {
    expect(readCotEvent(EVENT('ANDROID-1'))).toEqual({
      uid: 'ANDROID-1',
      type: 'a-f-G-U-C',
      time: '2026-12-01T10:00:00Z',
      point: { lat: 10.5, lon: 105.1, ce: 12.5 },
      course: 90,
      speed: 1.5,
    });
  });

  it('refuses XML that is not well-formed, a root that is not <event>, missing attributes, bad numbers', () => {
    expect(() => readCotEvent('<event uid="a" type="t" time="x"><point></event>')).toThrow(MalformedCotError);
    expect(() => readCotEvent('<message uid="a"/>')).toThrow(MalformedCotError);
    expect(() => readCotEvent('<event type="a-f" time="x"/>')).toThrow(MalformedCotError);
    expect(() => readCotEvent('<event uid="a" type="a-f" time="x"><point lat="north" lon="1"/></event>')).toThrow(MalformedCotError);
  });
});
