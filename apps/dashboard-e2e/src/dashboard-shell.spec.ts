import { describeInBrowser, newContext, newPage, problemsOf, saveScreenshot, browserSuite } from './support';

describeInBrowser('dashboard shell', () => {
  const suite = browserSuite();

  it('draws the embedded country outlines, framed on ASEAN, in the dark theme, with no internet', async () => {
    const context = await newContext(suite.browser);
    const page = await newPage(context);
    await page.goto(`${suite.lintas.baseUrl}/`);

    await page.getByRole('heading', { name: 'Lintas' }).waitFor();
    await page.locator('[data-testid="map"][data-basemap="ready"]').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="map"] path.country-outline').length > 10);
    await page.locator('[data-testid="server-status"][data-status="online"]').waitFor();

    const view = await page.evaluate(() => {
      const map = document.querySelector('[data-testid="map"]') as HTMLElement;
      const box = map.getBoundingClientRect();
      const inside = (element: Element) => {
        const r = element.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && r.right > box.left && r.left < box.right && r.bottom > box.top && r.top < box.bottom;
      };
      const outlines = [...map.querySelectorAll('path.country-outline')];
      const asean = [...map.querySelectorAll('path.country-outline--asean')];
      const luminance = (css: string) => {
        const [r, g, b] = (css.match(/\d+(\.\d+)?/g) ?? ['255', '255', '255']).map(Number);
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      };
      return {
        mapSize: { width: box.width, height: box.height },
        outlines: outlines.length,
        outlinesInView: outlines.filter(inside).length,
        asean: asean.length,
        aseanInView: asean.filter(inside).length,
        theme: document.documentElement.dataset.theme,
        headerLuminance: luminance(getComputedStyle(document.querySelector('.app-header')!).backgroundColor),
        seaLuminance: luminance(getComputedStyle(map).backgroundColor),
        // Raster tiles (TILE_URL) only: the embedded vector ground draws on canvas tiles of its own.
        tilesDrawn: map.querySelectorAll('img.leaflet-tile').length,
      };
    });

    await saveScreenshot(page, 'dashboard-shell-basemap');

    expect(view.mapSize.width).toBeGreaterThan(1000);
    expect(view.mapSize.height).toBeGreaterThan(700);
    expect(view.outlines).toBeGreaterThan(10);
    expect(view.outlinesInView).toBeGreaterThan(10);
    // Every ASEAN member state, Singapore included, is drawn inside the map's frame.
    expect(view.asean).toBe(11);
    expect(view.aseanInView).toBe(11);
    expect(view.theme).toBe('dark');
    expect(view.headerLuminance).toBeLessThan(0.2);
    expect(view.seaLuminance).toBeLessThan(0.2);
    expect(view.tilesDrawn).toBe(0);
    // Without an archive, the GSHHG ground (rivers, borders, shores) is drawn from the API's tiles.
    await page.locator('[data-testid="map"][data-vector-basemap="ground"]').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.leaflet-lintas-ground-pane canvas.leaflet-tile-loaded').length > 0);

    expect(problemsOf(page)).toEqual({ errors: [], offMachineRequests: [] });
    await context.close();
  });

  it('switches to the light theme and keeps it across a reload', async () => {
    const context = await newContext(suite.browser);
    const page = await newPage(context);
    await page.goto(`${suite.lintas.baseUrl}/`);
    await page.locator('[data-testid="map"][data-basemap="ready"]').waitFor();
    await page.getByTestId('theme-toggle').click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');

    await page.reload();
    await page.locator('[data-testid="map"][data-basemap="ready"]').waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    const headerBackground = await page.locator('.app-header').evaluate((header) => getComputedStyle(header).backgroundColor);
    expect(headerBackground).toBe('rgb(255, 255, 255)');
    await saveScreenshot(page, 'dashboard-shell-light');
    expect(problemsOf(page)).toEqual({ errors: [], offMachineRequests: [] });
    await context.close();
  });

  it('serves client-side routes on reload: an unknown address shows the not-found page inside the frame', async () => {
    const context = await newContext(suite.browser);
    const page = await newPage(context);
    const response = await page.goto(`${suite.lintas.baseUrl}/no/such/page`);
    expect(response?.status()).toBe(200);
    await page.getByText('Page not found').waitFor();
    await page.getByRole('heading', { name: 'Lintas' }).waitFor();
    expect(problemsOf(page).errors).toEqual([]);
    await context.close();
  });

  it('does not publish the source: scripts name no source map, and a map asked for by address is 404', async () => {
    const html = await (await fetch(`${suite.lintas.baseUrl}/`)).text();
    const script = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
    expect(script).toBeDefined();
    const code = await (await fetch(`${suite.lintas.baseUrl}${script}`)).text();
    expect(code).not.toContain('sourceMappingURL');
    expect((await fetch(`${suite.lintas.baseUrl}${script}.map`)).status).toBe(404);
  });

  it('sends the assets as compressed at build time, brotli or gzip as the browser accepts, to be kept for a year', async () => {
    const html = await (await fetch(`${suite.lintas.baseUrl}/`)).text();
    const script = `${suite.lintas.baseUrl}${html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1]}`;
    const plain = await fetch(script, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    const code = await plain.text();
    for (const encoding of ['br', 'gzip']) {
      const answer = await fetch(script, { headers: { 'accept-encoding': encoding } });
      expect({ encoding, answered: answer.headers.get('content-encoding'), type: answer.headers.get('content-type') }).toEqual({ encoding, answered: encoding, type: 'text/javascript; charset=utf-8' });
      expect(answer.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(await answer.text()).toBe(code); // fetch decodes it: the same script
    }
    // The page itself is asked for again on every load (it names the hashed assets).
    expect((await fetch(`${suite.lintas.baseUrl}/`)).headers.get('cache-control')).toBe('no-cache');
  });
});
