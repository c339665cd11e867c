import type { OperationSummary } from '@lintas/contracts';
import type { BrowserContextOptions, Page, Request } from 'playwright-core';
import { browserSuite, describeInBrowser, newContext, newPage, problemsOf, restSignIn, saveScreenshot, signInContext } from './support';

/** A phone in portrait, as the field page is used. */
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };

/**
 * The translation chunks the page itself fetched, by kind (`locales/<code>/dashboard.ts` becomes
 * `dashboard-<hash>.js`, `field.ts` `field-<hash>.js`), once each; not the service worker's precache.
 */
function catalogueRequests(page: Page): Set<string> {
  const seen = new Set<string>();
  page.on('request', (request: Request) => {
    const name = new URL(request.url()).pathname.split('/').pop() ?? '';
    if (request.frame() && /^(dashboard|field)-[\w-]{8}\.js$/.test(name)) seen.add(name); // not field-app-<hash>.js
  });
  return seen;
}

const kinds = (files: Set<string>): string[] => [...files].map((name) => name.slice(0, name.indexOf('-'))).sort();

/** Waits until `read()` answers something `accept` takes (the test's timeout bounds it); answers that value. */
async function until<T>(read: () => Promise<T>, accept: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describeInBrowser('languages and time', () => {
  const suite = browserSuite();

  const preferencesOf = async (email: string) =>
    (await (await restSignIn(suite.lintas.baseUrl, email, suite.lintas.demoPassword)).call<{ preferences: { language: string | null; timeDisplay: string } }>((api) => api.GET('/api/me'))).preferences;

  it('renders the operations room in Thai with ?lang=th, with the operation’s time zone, and keeps Thai as the user’s language', async () => {
    const context = await newContext(suite.browser);
    await signInContext(context, suite.lintas.baseUrl, 'commander@th-rtp.demo', suite.lintas.demoPassword);
    const page = await newPage(context);
    const chunks = catalogueRequests(page);

    // English first: no translation is fetched.
    await page.goto(`${suite.lintas.baseUrl}/`);
    await page.getByRole('heading', { name: 'Operations' }).waitFor();
    expect(kinds(chunks)).toEqual([]);

    await page.goto(`${suite.lintas.baseUrl}/?lang=th`);
    await page.getByRole('heading', { name: 'ปฏิบัติการ' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('th');
    expect(kinds(chunks)).toEqual(['dashboard']); // the operations room's Thai only, not the field page's
    const card = page.locator('[data-testid="operation-card"][data-code="EX-SADAO-SHIELD"]');
    await card.getByText('การฝึก').waitFor(); // EXERCISE
    await card.getByText('หน่วยงานนำ').waitFor(); // Lead agency

    await card.getByRole('link').click();
    await page.locator('[data-testid="map"][data-basemap="ready"]').waitFor();
    const zone = page.getByTestId('operation-time-zone');
    await zone.getByText('Asia/Bangkok').waitFor();
    expect(await zone.textContent()).toContain('เขตเวลาของปฏิบัติการ');
    await page.getByRole('tab', { name: /เหตุการณ์/ }).waitFor();
    await page.locator('[data-testid="timeline"] li').first().waitFor();
    await saveScreenshot(page, 'lang-dashboard-th');

    // The address chose Thai: saved as the user's language, and a reload without ?lang= stays in Thai.
    expect(await until(() => preferencesOf('commander@th-rtp.demo'), (saved) => saved.language !== null)).toEqual({ language: 'th', timeDisplay: 'local' });
    await page.goto(`${suite.lintas.baseUrl}/`);
    await page.getByRole('heading', { name: 'ปฏิบัติการ' }).waitFor();

    expect(problemsOf(page)).toEqual({ errors: [], offMachineRequests: [] });
    await context.close();
  });

  it('says an administration form’s refusal in Vietnamese, next to its fields', async () => {
    const context = await newContext(suite.browser);
    await signInContext(context, suite.lintas.baseUrl, 'admin@interpol-cu.demo', suite.lintas.demoPassword);
    const page = await newPage(context);
    await page.goto(`${suite.lintas.baseUrl}/admin/agencies?lang=vi`);
    const form = page.getByTestId('agency-form');
    await form.getByLabel('Mã', { exact: true }).fill('X');
    await form.getByLabel('Tên', { exact: true }).fill('Đơn vị thử');
    await form.getByLabel(/^Quốc gia/).fill('K');
    await page.getByTestId('agency-save').click();
    // The API answers the contracts' English; the form shows the catalogue's Vietnamese for it.
    expect(await page.getByTestId('error-agency-code').textContent()).toBe('phải gồm 2–16 chữ in hoa, chữ số hoặc gạch nối');
    expect(await page.getByTestId('error-agency-country').textContent()).toBe('phải là mã quốc gia hai chữ cái, ví dụ KH');
    expect(problemsOf(page).offMachineRequests).toEqual([]);
    await context.close();
  });

  it('says a tasking form’s refusal in Vietnamese: each refused field after its label, its figure written the Vietnamese way', async () => {
    const email = 'commander@vn-bgc.demo';
    const operations = await (await restSignIn(suite.lintas.baseUrl, email, suite.lintas.demoPassword)).call<OperationSummary[]>((api) => api.GET('/api/operations'));
    const mekong = operations.find((operation) => operation.code === 'OP-MEKONG-GATE')!;
    const context = await newContext(suite.browser);
    await signInContext(context, suite.lintas.baseUrl, email, suite.lintas.demoPassword);
    const page = await newPage(context);
    await page.goto(`${suite.lintas.baseUrl}/operations/${mekong.id}?panel=tasks&lang=vi`);
    await page.locator('[data-testid="connection"][data-status="live"]').waitFor();
    await page.getByTestId('watched-area-new').click();
    const form = page.getByTestId('watched-area-form');
    await form.getByTestId('watched-area-name').fill('Cánh đồng phía bắc');
    await form.getByTestId('watched-area-minutes').fill('20000'); // the API allows a week: 10,080 minutes
    await form.getByTestId('watched-area-draw').click();
    // A bow tie: its outline crosses itself.
    const map = page.locator('.leaflet-container');
    const box = (await map.boundingBox())!;
    const [cx, cy] = [box.width * 0.55, box.height * 0.82];
    for (const [x, y] of [[cx - 60, cy - 40], [cx + 60, cy + 30], [cx + 60, cy - 40], [cx - 60, cy + 30]]) await map.click({ position: { x, y } });
    await form.getByTestId('watched-area-draw').click();
    await form.getByTestId('watched-area-submit').click();
    // The API answers the contracts' English and zod's code and figures; the form says both in Vietnamese.
    const refusal = await form.getByTestId('watched-area-error').textContent();
    expect(refusal?.split('; ').sort()).toEqual(['Cảnh báo khi không có tổ nào trong (phút): tối đa là 10.080', 'đường bao tự cắt chính nó']);
    expect(problemsOf(page).offMachineRequests).toEqual([]);
    await context.close();
  });

  it('switches language and UTC from the header; both follow the user to another browser', async () => {
    const email = 'liaison@id-dgi.demo';
    const first = await newContext(suite.browser);
    await signInContext(first, suite.lintas.baseUrl, email, suite.lintas.demoPassword);
    const page = await newPage(first);
    await page.goto(`${suite.lintas.baseUrl}/`);
    await page.getByRole('heading', { name: 'Operations' }).waitFor();

    await page.getByTestId('language-switch').selectOption('vi');
    await page.getByRole('heading', { name: 'Chiến dịch' }).waitFor();
    expect(await page.getByTestId('language-switch').getAttribute('aria-label')).toBe('Ngôn ngữ');

    await page.locator('[data-testid="operation-card"][data-code="OP-MEKONG-GATE"]').getByRole('link').click();
    const latest = page.locator('[data-testid="timeline"] time').first();
    await latest.waitFor();
    expect(await latest.textContent()).not.toContain('UTC');
    await page.getByTestId('time-display-switch').selectOption('utc');
    const utc = await until(() => latest.textContent(), (text) => /UTC$/.test(text ?? ''));
    // The same instant, read in UTC: the hour and minute of the element's ISO datetime (a time of
    // another day than today comes with its date).
    const hourMinute = /(\d\d:\d\d)(:\d\d)? UTC$/.exec(utc ?? '')?.[1];
    expect(hourMinute).toBe((await latest.getAttribute('datetime'))!.slice(11, 16));
    await page.getByTestId('operation-time-zone').getByText('Asia/Phnom_Penh').waitFor();
    await saveScreenshot(page, 'lang-dashboard-vi-utc');
    expect(await until(() => preferencesOf(email), (saved) => saved.timeDisplay === 'utc')).toEqual({ language: 'vi', timeDisplay: 'utc' });

    // A browser that never saw the choice: after sign-in, the saved preferences apply.
    const second = await newContext(suite.browser);
    const other = await newPage(second);
    await other.goto(`${suite.lintas.baseUrl}/sign-in`);
    await other.getByRole('heading', { name: 'Sign in' }).waitFor();
    await other.getByLabel('E-mail').fill(email);
    await other.getByLabel('Password').fill(suite.lintas.demoPassword);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await other.getByRole('heading', { name: 'Chiến dịch' }).waitFor();
    await other.locator('[data-testid="operation-card"][data-code="OP-MEKONG-GATE"]').getByRole('link').click();
    await until(() => other.locator('[data-testid="timeline"] time').first().textContent(), (text) => /UTC$/.test(text ?? ''));

    expect(problemsOf(page)).toEqual({ errors: [], offMachineRequests: [] });
    expect(problemsOf(other)).toEqual({ errors: [], offMachineRequests: [] });
    await first.close();
    await second.close();
  });

  it('renders the field page in Khmer on a phone, fetching only the field page’s Khmer', async () => {
    const context = await newContext(suite.browser, PHONE);
    const page = await newPage(context);
    const chunks = catalogueRequests(page);
    await page.goto(`${suite.lintas.baseUrl}/field?lang=km`);
    await page.getByRole('heading', { name: 'ចូលគណនីនៅទីវាល' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('km');
    await saveScreenshot(page, 'lang-field-km-sign-in');

    await page.getByLabel('អ៊ីមែល').fill('field@kh-gdi.demo');
    await page.getByLabel('ពាក្យសម្ងាត់').fill(suite.lintas.demoPassword);
    await page.getByRole('button', { name: 'ចូល', exact: true }).click();
    await page.getByTestId('field-team').waitFor();
    await page.getByTestId('tab-team').getByText('ក្រុម').waitFor();
    await page.getByRole('button', { name: 'ផ្ញើទីតាំងរបស់ខ្ញុំ' }).waitFor(); // Send my position
    await saveScreenshot(page, 'lang-field-km');
    await page.getByTestId('tab-interception').click();
    await page.getByText('អ្វីដែលត្រូវបានស្ទាក់ចាប់').waitFor(); // What was intercepted
    await saveScreenshot(page, 'lang-field-km-interception');
    await page.getByTestId('tab-team').click();

    expect(kinds(chunks)).toEqual(['field']);
    expect(await until(() => preferencesOf('field@kh-gdi.demo'), (saved) => saved.language !== null)).toMatchObject({ language: 'km' });

    // The field page's own switch: Thai, at once, and saved for the officer.
    await page.getByTestId('language-switch').selectOption('th');
    await page.getByRole('button', { name: 'ส่งตำแหน่งของฉัน' }).waitFor(); // Send my position
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('th');
    await saveScreenshot(page, 'lang-field-th');
    expect(await until(() => preferencesOf('field@kh-gdi.demo'), (saved) => saved.language === 'th')).toMatchObject({ language: 'th' });
    expect(problemsOf(page)).toEqual({ errors: [], offMachineRequests: [] });
    await context.close();
  });

  it('fits every tab label of the field page on a 390 px phone, in every language, breaking long words sensibly', async () => {
    const context = await newContext(suite.browser, PHONE);
    await signInContext(context, suite.lintas.baseUrl, 'field@vn-bgc.demo', suite.lintas.demoPassword);
    const page = await newPage(context);
    const measured: Record<string, { tab: string; text: string; overflows: boolean; lines: number; badBreaks: string[] }[]> = {};
    for (const code of ['km', 'th', 'vi', 'fil', 'id', 'ms', 'en']) {
      await page.goto(`${suite.lintas.baseUrl}/field?lang=${code}`);
      await page.getByTestId('field-team').waitFor();
      await until(() => page.evaluate(() => document.documentElement.lang), (lang) => lang === code);
      measured[code] = await page.locator('.field-tab').evaluateAll((tabs) =>
        tabs.map((tab) => {
          // Each character's line (the top of its box), to see where the label wraps.
          const chars: { ch: string; top: number | null }[] = [];
          const walker = document.createTreeWalker(tab, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.textContent ?? '';
            for (let i = 0; i < text.length; i++) {
              const range = document.createRange();
              range.setStart(node, i);
              range.setEnd(node, i + 1);
              const box = [...range.getClientRects()].find((rect) => rect.width > 0);
              chars.push({ ch: text[i], top: box ? Math.round(box.top) : null });
            }
          }
          const text = chars.map((char) => char.ch).join('');
          // Sensible breaks: between words (the language's own word boundaries: spaces, or the dictionary
          // for Thai and Khmer), at a soft hyphen or at a zero-width space; never inside a word. (The
          // character after a soft hyphen that broke may still report the first line's box: look two back.)
          const words = new Set([...new Intl.Segmenter(document.documentElement.lang, { granularity: 'word' }).segment(text)].map((segment) => segment.index));
          const badBreaks: string[] = [];
          let lines = 0;
          let lastTop: number | null = null;
          chars.forEach((char, index) => {
            if (char.top === null) return;
            if (lastTop === null || char.top > lastTop + 2) {
              lines++;
              if (lastTop !== null && !words.has(index) && !/[\u00AD\u200B]/.test(text.slice(Math.max(0, index - 2), index))) badBreaks.push(`${text.slice(0, index)}|${text.slice(index)}`);
            }
            lastTop = char.top;
          });
          const inner = tab.getBoundingClientRect();
          const all = document.createRange();
          all.selectNodeContents(tab);
          const ink = all.getBoundingClientRect();
          return {
            tab: tab.getAttribute('data-testid') ?? '',
            text,
            // The label's ink stays inside its own tab (never over a neighbour).
            overflows: tab.scrollWidth > tab.clientWidth || ink.left < inner.left - 0.5 || ink.right > inner.right + 0.5,
            lines,
            badBreaks,
          };
        }),
      );
      if (code !== 'en') await saveScreenshot(page, `lang-field-tabs-${code}`);
    }
    const overflowing = Object.entries(measured).flatMap(([code, tabs]) => tabs.filter((tab) => tab.overflows).map((tab) => `${code} ${tab.tab} "${tab.text}"`));
    expect(overflowing).toEqual([]);
    // Two lines at most: a tab is 64 px high.
    const tall = Object.entries(measured).flatMap(([code, tabs]) => tabs.filter((tab) => tab.lines > 2).map((tab) => `${code} ${tab.tab} "${tab.text}" (${tab.lines} lines)`));
    expect(tall).toEqual([]);
    const midWord = Object.entries(measured).flatMap(([code, tabs]) => tabs.flatMap((tab) => tab.badBreaks.map((at) => `${code} ${tab.tab} "${at}"`)));
    expect(midWord).toEqual([]);
    expect(problemsOf(page)).toEqual({ errors: [], offMachineRequests: [] });
    await context.close();
  });
});
