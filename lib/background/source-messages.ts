import { z } from 'zod';

/** A loopback address: test servers and a developer's own feed run there over plain HTTP. */
function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** An address a source may be read from: HTTPS, or plain HTTP on this machine only. */
export const sourceUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      if (url.username || url.password) return false;
      return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname));
    } catch {
      return false;
    }
  }, 'must be an https:// address (plain http only on this machine)');

export const connectSourceSchema = z.discriminatedUnion('source', [
  z
    .object({
      source: z.literal('feed'),
      url: sourceUrlSchema,
      everyMinutes: z.number().int().min(15).max(1440).optional(),
    })
    .strict(),
  z
    .object({
      source: z.literal('hubspot'),
      url: sourceUrlSchema,
      token: z
        .string()
        .trim()
        .min(10, 'the token looks too short')
        .max(500)
        .regex(/^[\x21-\x7e]+$/, 'the token has characters a HubSpot token does not have'),
      everyMinutes: z.number().int().min(15).max(1440).optional(),
    })
    .strict(),
]);
export type ConnectSource = z.infer<typeof connectSourceSchema>;

export const sourceOnlySchema = z.object({ source: z.enum(['feed', 'hubspot']) }).strict();

/** The host-permission pattern for a source's address: its origin, every path. */
export function originPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}
