/** The dashboard's way to the REST API; the field page uses it too. Keep these exports stable. */
export { ApiClient, type AccessTokens, type ApiClientOptions, type ReportListQuery } from './api-client';
export { ApiError, isAbortError, isApiError } from './api-error';
export { requestJson, withQuery, type Fetch, type HttpRequest, type QueryValue } from './http';
