import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Machine-readable error codes of the HTTP API; the closed set clients may switch on. */
export const ApiErrorCode = {
  badJson: 'bad-json',
  invalidInput: 'invalid-input',
  bodyTooLarge: 'body-too-large',
  missingToken: 'missing-token',
  wrongToken: 'wrong-token',
  /** The token is right but its role may not do this (e.g. only the facilitator reveals scores). */
  forbidden: 'forbidden',
  /** The scale is not in the mode the request needs (e.g. scoring privately on a revealed scale). */
  wrongMode: 'wrong-mode',
  notFound: 'not-found',
  upgradeRequired: 'upgrade-required',
  unavailable: 'unavailable',
  internal: 'internal',
} as const;
export type ApiErrorCodeValue = (typeof ApiErrorCode)[keyof typeof ApiErrorCode];

/** The JSON body of every error response. */
export interface ApiErrorBody {
  readonly error: { readonly code: ApiErrorCodeValue; readonly message: string };
}

/**
 * The one error class of the HTTP layer: route code throws it and `app.onError` turns it
 * into `{ error: { code, message } }` with its status. Messages are shown to clients, so
 * they never echo tokens or submitted text.
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
