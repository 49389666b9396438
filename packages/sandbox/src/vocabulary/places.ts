import type { Random } from '../random.js';

/** An office or remote location that several seeded users share. */
export interface Place {
  streetAddress?: string;
  city: string;
  state?: string;
  zipCode?: string;
  countryCode: string;
  /** IANA time zone of people working there. */
  timezone: string;
  /** Okta locale (`en_US`) of people working there. */
  locale: string;
}

type PlaceRow = readonly [
  street: string | null,
  city: string,
  state: string | null,
  zipCode: string | null,
  countryCode: string,
  timezone: string,
  locale: string,
];

// Rows rather than objects keep the table readable at one place per line.
const ROWS: readonly PlaceRow[] = [
  ['301 Brannan St.', 'San Francisco', 'CA', '94107', 'US', 'America/Los_Angeles', 'en_US'],
  ['100 1st St', 'San Francisco', 'CA', '94105', 'US', 'America/Los_Angeles', 'en_US'],
  ['1 World Trade Center', 'New York', 'NY', '10007', 'US', 'America/New_York', 'en_US'],
  ['500 W Madison St', 'Chicago', 'IL', '60661', 'US', 'America/Chicago', 'en_US'],
  ['1600 Pearl St', 'Boulder', 'CO', '80302', 'US', 'America/Denver', 'en_US'],
  ['1 Finsbury Avenue', 'London', null, 'EC2M 2PP', 'GB', 'Europe/London', 'en_GB'],
  ['Karl-Liebknecht-Str. 5', 'Berlin', null, '10178', 'DE', 'Europe/Berlin', 'de_DE'],
  ['Marienplatz 8', 'München', 'Bayern', '80331', 'DE', 'Europe/Berlin', 'de_DE'],
  ['12 Rue de Rivoli', 'Paris', null, '75004', 'FR', 'Europe/Paris', 'fr_FR'],
  ['Karl Johans gate 22', 'Oslo', null, '0159', 'NO', 'Europe/Oslo', 'nb_NO'],
  ['Calle de Alcalá 48', 'Madrid', null, '28014', 'ES', 'Europe/Madrid', 'es_ES'],
  ['ul. Marszałkowska 104', 'Warszawa', null, '00-017', 'PL', 'Europe/Warsaw', 'pl_PL'],
  ['1-7-1 Konan, Minato-ku', 'Tokyo', 'Tokyo', '108-0075', 'JP', 'Asia/Tokyo', 'ja_JP'],
  ['世纪大道100号', '上海', null, '200120', 'CN', 'Asia/Shanghai', 'zh_CN'],
  ['Av. Paulista, 1578', 'São Paulo', 'SP', '01310-200', 'BR', 'America/Sao_Paulo', 'pt_BR'],
  ['7 Infantry Road', 'Bengaluru', 'Karnataka', '560001', 'IN', 'Asia/Kolkata', 'en_IN'],
  ['100 King St W', 'Toronto', 'ON', 'M5X 1A9', 'CA', 'America/Toronto', 'en_CA'],
  ['1 Raffles Place', 'Singapore', null, '048616', 'SG', 'Asia/Singapore', 'en_SG'],
  ['1 Martin Place', 'Sydney', 'NSW', '2000', 'AU', 'Australia/Sydney', 'en_AU'],
  [null, 'Lisbon', null, null, 'PT', 'Europe/Lisbon', 'pt_PT'],
  [null, 'Austin', 'TX', null, 'US', 'America/Chicago', 'en_US'],
  [null, 'Kraków', null, null, 'PL', 'Europe/Warsaw', 'pl_PL'],
];

/**
 * Offices, then "remote" places with only a city, a country and sometimes a state. No two
 * entries are equal once trimmed, space-collapsed and lower-cased, so the number of distinct
 * places in use is the number of distinct locations.
 */
export const PLACES: readonly Place[] = ROWS.map(
  ([street, city, state, zipCode, countryCode, timezone, locale]) => {
    const place: Place = { city, countryCode, timezone, locale };
    if (street !== null) place.streetAddress = street;
    if (state !== null) place.state = state;
    if (zipCode !== null) place.zipCode = zipCode;
    return place;
  },
);

/** Number of ways {@link spellPlace} can write a place. */
export const PLACE_SPELLINGS = 3;

/**
 * One way of writing a place. Variant 0 is the canonical spelling; the others change case and
 * spacing only, the way hand-typed HR data does, so they still denote the same location.
 */
export function spellPlace(place: Place, variant: number): Place {
  switch (variant) {
    case 1:
      return {
        ...place,
        ...(place.streetAddress !== undefined && {
          streetAddress: place.streetAddress.toLowerCase().replace(/ /g, '  '),
        }),
        city: place.city.toUpperCase(),
      };
    case 2:
      return {
        ...place,
        ...(place.streetAddress !== undefined && { streetAddress: ` ${place.streetAddress} ` }),
        city: `${place.city} `,
        countryCode: place.countryCode.toLowerCase(),
      };
    default:
      return place;
  }
}

const CALLING_CODES: Readonly<Record<string, string>> = {
  US: '1',
  CA: '1',
  GB: '44',
  DE: '49',
  FR: '33',
  NO: '47',
  ES: '34',
  PL: '48',
  JP: '81',
  CN: '86',
  BR: '55',
  IN: '91',
  SG: '65',
  AU: '61',
  PT: '351',
};

/** A phone number such as `+1-555-415-1337`, with the country's calling code. */
export function phoneNumber(random: Random, countryCode: string): string {
  const callingCode = CALLING_CODES[countryCode.toUpperCase()] ?? '1';
  return `+${callingCode}-555-${random.integer(200, 999)}-${random.integer(1000, 9999)}`;
}
