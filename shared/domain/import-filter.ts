import { z } from 'zod';
import { parseAddressBlock } from '../net/address-block';

const AddressOrBlock = z
  .string()
  .max(64)
  .refine((t) => parseAddressBlock(t) !== null, { message: 'not an IPv4/IPv6 address or CIDR block (e.g. 10.0.0.5, 10.0.0.0/8, 2001:db8::/32)' });

/**
 * What to leave out when reading a capture (seed 002's packet filter): packets
 * without an IP layer, packets to or from listed addresses (the capture proxy),
 * or every packet that has no listed host at either end. Addresses are the
 * flow's (innermost) ones. The filter used is kept with the evidence.
 */
export const ImportFilter = z
  .object({
    /** Count packets without an IP layer (ARP, LLDP…) as filtered rather than skipped. */
    ipOnly: z.boolean().default(false),
    /** Drop packets whose source or destination is in one of these. */
    exclude: z.array(AddressOrBlock).max(1000).default([]),
    /** Keep only packets whose source or destination is in one of these (empty: no restriction). */
    only: z.array(AddressOrBlock).max(1000).default([]),
  })
  .strict();
export type ImportFilter = z.output<typeof ImportFilter>;
export type ImportFilterInput = z.input<typeof ImportFilter>;

/** A filter that leaves everything in (so nothing needs to be recorded or checked per packet). */
export function isEmptyImportFilter(f: ImportFilter): boolean {
  return !f.ipOnly && f.exclude.length === 0 && f.only.length === 0;
}

/** The filter in one line, as the CLI and the evidence list show it. */
export function describeImportFilter(f: ImportFilter): string {
  const parts: string[] = [];
  if (f.ipOnly) parts.push('IP only');
  if (f.exclude.length) parts.push(`without ${f.exclude.join(', ')}`);
  if (f.only.length) parts.push(`only hosts ${f.only.join(', ')}`);
  return parts.join('; ') || 'none';
}

/** Skip reasons the filter gives dropped packets (evidence skippedReasons keys). */
export const FILTERED_NOT_IP = 'filtered: not IP';
export const FILTERED_EXCLUDED = 'filtered: excluded address';
export const FILTERED_NOT_LISTED = 'filtered: no listed host';
