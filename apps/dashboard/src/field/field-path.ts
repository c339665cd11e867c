/** The field page's address; `main.tsx` loads the field bundle, and only it, for these paths. */
export const FIELD_PATH = '/field';

export function isFieldPath(pathname: string): boolean {
  return pathname === FIELD_PATH || pathname.startsWith(`${FIELD_PATH}/`);
}
