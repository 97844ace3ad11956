import { z } from 'zod';

/**
 * zod compiles object parsers with `new Function` when it may, and probes for
 * that by trying once. Under the page's CSP (script-src 'self', no
 * 'unsafe-eval') the probe is refused and reported as a violation; jitless
 * mode skips the probe and parses the same way without compiling.
 */
z.config({ jitless: true });
