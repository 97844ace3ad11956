import { z } from 'zod/v4';

/**
 * zod compiles object parsers with `new Function` when it may, and probes for
 * that when the first object schema is built. Under the page's CSP
 * (script-src 'self', no 'unsafe-eval') the probe is refused and reported as a
 * violation; jitless mode skips the probe and parses the same way without
 * compiling. The renderer build resolves `zod` to this module
 * (renderer/vite.config.ts), so the mode is set before any schema is built,
 * whichever chunk the schemas land in.
 */
z.config({ jitless: true });

export * from 'zod/v4';
export { default } from 'zod/v4';
