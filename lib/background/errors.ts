import { ForgeError, type ForgeErrorData } from '../forge/errors';

/** Anything thrown by a handler becomes a typed, readable state; nothing escapes as an uncaught rejection. */
export function toErrorData(e: unknown): ForgeErrorData {
  if (e instanceof ForgeError) return e.toData();
  const message = e instanceof Error ? e.message : String(e);
  return { kind: 'unknown', message: `Something went wrong in Refinery: ${message}` };
}
