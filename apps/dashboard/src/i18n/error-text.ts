import { ApiError } from '../api/api-error';
import { en } from './catalog-en';
import { t, type MessageKey } from './i18n';

/**
 * What to show for a failed request: the catalogue's text for the API's error code when it has
 * one (translated with the rest of the screen), else the server's own message, which carries the
 * details (which field, which version) that a code alone does not.
 */
export function errorText(error: unknown): string {
  if (error instanceof ApiError && error.code !== null) {
    const key = `error.${error.code}`;
    if (key in en) return t(key as MessageKey);
  }
  return error instanceof Error ? error.message : String(error);
}
