import { DOMParser, type Document, type Element } from '@xmldom/xmldom';

/** The parts of a CoT event Lintas reads. */
export interface CotEvent {
  uid: string;
  type: string;
  /** The `time` attribute: when the event was made on the device. */
  time: string;
  point: { lat: number; lon: number; ce: number | null } | null;
  course: number | null;
  speed: number | null;
}

export class MalformedCotError extends Error {}

/** CoT's "unknown" value for hae, ce and le. */
const UNKNOWN = 9_999_999;

/**
 * Reads one CoT event (the framer has already refused DTDs and oversized text) with a real XML
 * parser; anything that is not well-formed XML with an `<event>` root and its required attributes
 * is malformed.
 */
export function readCotEvent(xml: string): CotEvent {
  let document: Document;
  try {
    document = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new MalformedCotError(`not well-formed XML: ${message}`);
      },
    }).parseFromString(xml, 'text/xml');
  } catch (error) {
    // xmldom wraps what onError throws in its own ParseError.
    throw error instanceof MalformedCotError ? error : new MalformedCotError(error instanceof Error ? error.message : 'not well-formed XML');
  }
  const event = document.documentElement;
  if (!event || event.nodeName !== 'event') throw new MalformedCotError('the root element is not <event>');
  const uid = event.getAttribute('uid');
  const type = event.getAttribute('type');
  const time = event.getAttribute('time');
  if (!uid || !type || !time) throw new MalformedCotError('an event needs uid, type and time');
  const pointElement = child(event, 'point');
  const detail = child(event, 'detail');
  const track = detail ? child(detail, 'track') : null;
  let point: CotEvent['point'] = null;
  if (pointElement) {
    const lat = Number(pointElement.getAttribute('lat'));
    const lon = Number(pointElement.getAttribute('lon'));
    const ce = Number(pointElement.getAttribute('ce'));
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) throw new MalformedCotError('point lat and lon must be numbers');
    point = { lat, lon, ce: Number.isFinite(ce) && ce >= 0 && ce < UNKNOWN ? ce : null };
  }
  return { uid, type, time, point, course: numberOrNull(track?.getAttribute('course')), speed: numberOrNull(track?.getAttribute('speed')) };
}

function child(element: Element, name: string): Element | null {
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && node.nodeName === name) return node as Element;
  }
  return null;
}

function numberOrNull(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}
