import type { AfterActionData } from '@lintas/contracts';
import { setLocale, t } from '../i18n/i18n';
import { AfterActionPrint } from './after-action-print';

declare global {
  interface Window {
    /** Handed in by the API's PDF printer before the page's scripts run. */
    __LINTAS_AFTER_ACTION__?: AfterActionData;
  }
}

/** `/print/…`: pages the API prints to PDF. They never sign in and never call the API. */
export function PrintApp() {
  const data = window.__LINTAS_AFTER_ACTION__;
  if (!data) return <p data-print-ready="true">{t('print.noData')}</p>;
  try {
    setLocale(data.lang);
  } catch {
    // No catalogue for the language: English.
  }
  return <AfterActionPrint data={data} />;
}
