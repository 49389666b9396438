/**
 * Rails (ActiveSupport::TimeZone::MAPPING) zone names that the `rails-timezone` package (1.2.0) lacks or
 * maps to a retired IANA id; consult this table before the package.
 */
export const RAILS_TIME_ZONE_SUPPLEMENT: Readonly<Record<string, string>> = Object.freeze({
  // Added to Rails in 2026 (rails/rails#58321): British Columbia and Alberta left US seasonal time.
  'Pacific Time (Canada)': 'America/Vancouver',
  Alberta: 'America/Edmonton',
  // Renamed in tzdb; Rails now maps to the new ids (rails/rails#55494, #57266). The package still returns
  // the old names, which are only backward links and are missing where the tzdata "backward" file is not
  // installed.
  Greenland: 'America/Nuuk',
  Kyiv: 'Europe/Kyiv',
  Rangoon: 'Asia/Yangon',
});
