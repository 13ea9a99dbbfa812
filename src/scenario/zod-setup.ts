/**
 * zod compiles fast parsers with `new Function` unless told not to, and probes for it when a
 * schema is built; the page's Content-Security-Policy forbids eval, so the probe is reported as
 * a violation. Every module that builds schemas imports this one first, so the switch is set
 * before any schema exists.
 */
import { z } from 'zod';

z.config({ jitless: true });
