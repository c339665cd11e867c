/**
 * The header a browser must send to refresh or sign out by cookie (value `1`). A page on another
 * site cannot send it without a CORS preflight, which the API never grants.
 */
export const CSRF_HEADER = 'X-Lintas-CSRF';
