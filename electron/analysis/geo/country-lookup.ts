/** A remote address's country, as ISO 3166-1 codes and an English short name. */
export interface Country {
  iso2: string;
  iso3: string | null;
  name: string;
}

/**
 * Offline IP → country. The profiles talk to this interface only, so the
 * database behind it (DB-IP's country database today) can be swapped or be
 * absent (then every remote address is "unlocated").
 */
export interface CountryLookup {
  /** What answers, for the UI's attribution; null when there is no database. */
  readonly database: string | null;
  /** The licence's required attribution text. */
  readonly attribution: string;
  lookup(address: string): Country | null;
}

export const noCountryLookup: CountryLookup = {
  database: null,
  attribution: '',
  lookup: () => null,
};
