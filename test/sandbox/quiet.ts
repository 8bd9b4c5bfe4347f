import type { Sandbox } from './server';

/**
 * For assertions that nothing more is asked of the forge: absence can only be observed over time, so this waits until
 * the sandbox has seen no new request for `quietMs` in a row (polled, so a machine still busy answering extends the
 * wait), at most 10 s. It can only let a very late extra request slip by; it cannot fail a correct build by chance.
 */
export async function quiet(sandbox: Sandbox, quietMs = 400): Promise<void> {
  let seen = sandbox.requests.length;
  let since = Date.now();
  const deadline = since + 10_000;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    if (sandbox.requests.length !== seen) {
      seen = sandbox.requests.length;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return;
  }
}
