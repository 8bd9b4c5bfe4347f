// Typed, readable failure states that travel to the UI instead of exceptions.
import * as z from '@/lib/zod';

export const forgeErrorKind = z.deferred(() =>
  z.enum([
    'no-connection', // no connection configured for this host
    'auth', // 401: missing, invalid or expired token
    'forbidden', // 403: token can read but not do this
    'not-found', // 404
    'conflict', // 409
    'rate-limited', // 429, or GitHub 403 with x-ratelimit-remaining: 0
    'network', // no answer
    'forge', // 5xx
    'invalid', // refused before sending (bad input, bad message)
    'unknown',
  ]),
);
export type ForgeErrorKind = z.infer<typeof forgeErrorKind>;

export const forgeError = z.deferred(() =>
  z.object({
    kind: forgeErrorKind,
    message: z.string(),
    status: z.optional(z.number().check(z.int())),
    /** For rate limits: epoch ms after which a retry may succeed. */
    retryAt: z.optional(z.number()),
  }),
);
export type ForgeErrorData = z.infer<typeof forgeError>;

/** Thrown inside the background; turned into ForgeErrorData at the protocol boundary. */
export class ForgeError extends Error {
  constructor(
    readonly kind: ForgeErrorKind,
    message: string,
    readonly status?: number,
    readonly retryAt?: number,
  ) {
    super(message);
    this.name = 'ForgeError';
  }
  toData(): ForgeErrorData {
    return { kind: this.kind, message: this.message, status: this.status, retryAt: this.retryAt };
  }
}
