import { isId } from '@kinmap/model';
import { ApiError, ApiErrorCode } from '../http/apiError.js';

// Who may ask is the guard's (access/boardGuard.ts); these are the board routes' other answers.

/** A path segment that must be an id (a version, a meeting, a card). */
export function pathId(value: string | undefined, name: string): string {
  if (value === undefined || !isId(value)) {
    throw new ApiError(400, ApiErrorCode.invalidInput, `${name} is not an id`);
  }
  return value;
}

/** The rooms could not read or change the board (storage failure, shutting down): try again. */
export const boardUnavailable = (): ApiError =>
  new ApiError(503, ApiErrorCode.unavailable, 'The board is not available; please try again');
