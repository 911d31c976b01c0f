import { type ApiErrorBody, ApiErrorCode, type ApiErrorCodeValue } from '@kinmap/protocol';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The codes and the error body are the wire contract's (`@kinmap/protocol`); the class is the server's. */
export { type ApiErrorBody, ApiErrorCode, type ApiErrorCodeValue };

/**
 * The one error class of the HTTP layer: route code throws it and `app.onError` turns it
 * into `{ error: { code, message } }` with its status. Messages are shown to clients, so
 * they never echo secrets or submitted text.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ApiErrorCodeValue,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): ApiErrorBody {
    return { error: { code: this.code, message: this.message } };
  }
}
