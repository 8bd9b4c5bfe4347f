// Stand-ins for what @gitbeaker/requester-utils imports for its own requester and rate limiter, which Refinery does
// not use (../requester.ts is ours; forges rate-limit us, we do not rate-limit ourselves): `rate-limiter-flexible` (it
// carries an `import('drizzle-orm')` a store reviewer flags) and `picomatch-browser`. wxt.config.ts points them here
// for the extension's build only. Anything that does call them is a bug to hear about.
function unused(name: string): never {
  throw new Error(`Refinery: ${name} is not part of the extension build.`);
}

export class RateLimiterMemory {
  constructor() {
    unused('rate-limiter-flexible');
  }
}

export class RateLimiterQueue {
  constructor() {
    unused('rate-limiter-flexible');
  }
}

const picomatch = {
  isMatch(): boolean {
    return unused('picomatch-browser');
  },
};
export default picomatch;
