import type { AfterActionData } from '@lintas/contracts';
import { isLanguage } from '@lintas/contracts/plain';
import { switchDashboardLanguage } from '../i18n/dashboard-languages';
import { t } from '../i18n/i18n';
import { AfterActionPrint } from './after-action-print';

declare global {
  interface Window {
    /** Handed in by the API's PDF printer before the page's scripts run. */
    __LINTAS_AFTER_ACTION__?: AfterActionData;
  }
}

/**
 * Loads the report's language (its catalogue is a chunk of its own, as in the operations room)
 * before the first render, so the PDF never shows English where the reader asked for Thai.
 */
export async function preparePrint(): Promise<void> {
  const lang = window.__LINTAS_AFTER_ACTION__?.lang;
  await switchDashboardLanguage(isLanguage(lang) ? lang : 'en');
}

/** `/print/…`: pages the API prints to PDF. They never sign in and never call the API. */
export function PrintApp() {
  const data = window.__LINTAS_AFTER_ACTION__;
  if (!data) return <p data-print-ready="true">{t('print.noData')}</p>;
  return <AfterActionPrint data={data} />;
}
