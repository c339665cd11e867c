import type { Page } from 'playwright-core';

/**
 * Opens the operation view framed on a place at a zoom level, as a user who last looked there:
 * the view this browser remembers (`lintas.view.<operation id>`, south-west-north-east) is set to
 * what the map's element shows at that zoom (a little less, so the fit lands on the zoom itself).
 * Works on any build of the dashboard that remembers views, which is what lets a "before"
 * screenshot be taken the same way as the "after".
 */
export async function frameOperationAt(page: Page, baseUrl: string, operationId: string, place: { lat: number; lon: number }, zoom: number): Promise<void> {
  const size = await page.evaluate(() => {
    const map = document.querySelector<HTMLElement>('[data-testid="map"]');
    return map ? { width: map.clientWidth, height: map.clientHeight } : { width: 1000, height: 700 };
  });
  const scale = 256 * 2 ** zoom;
  const x = ((place.lon + 180) / 360) * scale;
  const sin = Math.sin((place.lat * Math.PI) / 180);
  const y = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale;
  const toLatLon = (px: number, py: number) => ({ lon: (px / scale) * 360 - 180, lat: (Math.atan(Math.sinh(Math.PI * (1 - (2 * py) / scale))) * 180) / Math.PI });
  const half = { w: (size.width / 2) * 0.97, h: (size.height / 2) * 0.97 };
  const southWest = toLatLon(x - half.w, y + half.h);
  const northEast = toLatLon(x + half.w, y - half.h);
  const bounds = [southWest.lat, southWest.lon, northEast.lat, northEast.lon].map((n) => Math.round(n * 1e4) / 1e4);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [`lintas.view.${operationId}`, JSON.stringify(bounds)] as const);
  await page.goto(`${baseUrl}/operations/${operationId}`);
  await page.locator('[data-testid="operation-view"][data-drawn="true"]').waitFor();
}
