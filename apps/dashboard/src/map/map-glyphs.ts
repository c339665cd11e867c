import type { Marking, ReportKind, SiteKind } from '@lintas/contracts';

/**
 * The map's symbols as small inline SVG strings, for Leaflet `divIcon`s. Colours come from CSS
 * classes (theme variables), except an agency's colour, passed as a CSS custom property.
 */

const SITE_PATHS: Record<SiteKind, string> = {
  // a barrier gate
  land: '<path d="M3 16V7h2v9zM5 9h13l1 1.5-1 1.5H5z"/>',
  // waves
  river: '<path d="M2 9c2.5-2 4.5-2 7 0s4.5 2 7 0 4.5-2 6 0v2.5c-1.5-2-3.5-2-6 0s-4.5 2-7 0-4.5-2-7 0zM2 14.5c2.5-2 4.5-2 7 0s4.5 2 7 0 4.5-2 6 0V17c-1.5-2-3.5-2-6 0s-4.5 2-7 0-4.5-2-7 0z"/>',
  // an anchor
  sea: '<path d="M11 3a2.5 2.5 0 0 1 1 4.8V9h3v2h-3v7.9c2.6-.4 4.6-2.2 5.2-4.6L15.5 15l3-4 2.5 4.6-1.7-.6C18.5 18.8 15.2 21 12 21s-6.5-2.2-7.3-6l-1.7.6L5.5 11l3 4-1.7-.7c.6 2.4 2.6 4.2 5.2 4.6V11H9V9h3V7.8A2.5 2.5 0 0 1 11 3z"/>',
  // an aeroplane
  air: '<path d="M21 16v-2l-8-5V3.5a1.5 1.5 0 0 0-3 0V9l-8 5v2l8-2.5V19l-2 1.5V22l3.5-1 3.5 1v-1.5L13 19v-5.5z"/>',
};

export function siteGlyph(kind: SiteKind): string {
  return `<svg viewBox="0 0 24 24" aria-hidden="true">${SITE_PATHS[kind]}</svg>`;
}

const REPORT_SHAPES: Record<ReportKind, string> = {
  interception: '<path d="M12 2 22 12 12 22 2 12z"/>',
  sitrep: '<rect x="4" y="3" width="16" height="18" rx="2"/><path class="glyph-detail" d="M8 8h8M8 12h8M8 16h5" fill="none" stroke-width="2"/>',
  alert: '<path d="M12 2 23 21H1z"/><path class="glyph-detail" d="M12 9v5M12 16.5v1.5" fill="none" stroke-width="2.4"/>',
};

export function reportGlyph(kind: ReportKind): string {
  return `<svg viewBox="0 0 24 24" aria-hidden="true">${REPORT_SHAPES[kind]}</svg>`;
}

export function markingSuffix(marking: Marking): string {
  return marking.slice(4).toLowerCase().replace('+', '-');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
