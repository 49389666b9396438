/**
 * Names for seeded people. The lists mix scripts, diacritics, apostrophes, hyphens and
 * multi-word names on purpose: mappings and e-mail handling must survive all of them.
 */

export const FIRST_NAMES: readonly string[] = [
  'José',
  'Zoë',
  'Øyvind',
  'Isaac',
  'Amélie',
  'Björn',
  'Łukasz',
  'Siobhán',
  'François',
  'Ayşe',
  'Mårten',
  'Renée',
  'Chloé',
  'Søren',
  'Anaïs',
  'Nguyễn Văn',
  '伟',
  '娜',
  '陽翔',
  'Priya',
  'Olusegun',
  'Mateo',
  'Hannah',
  'Jane',
  'Nick',
  'Alice',
  'Mohammed',
  'Aleksandr',
  'Grace',
  'Liam',
  'Sofia',
  'Kenji',
  'Ingrid',
  'Jürgen',
  'Maëlle',
  'Dmitri',
  'Fatima',
  'Carlos',
  'Emily',
  'Noah',
];

export const LAST_NAMES: readonly string[] = [
  'Müller',
  'García',
  "O'Brien",
  'Smith',
  'Johansson',
  'Kowalski',
  'Nguyễn',
  'Dubois',
  'Schäfer',
  'Ødegård',
  'Fernández',
  'van der Berg',
  'Lee',
  'Patel',
  'Kim',
  'Rossi',
  'Núñez',
  'Jørgensen',
  '李',
  '王',
  '张',
  '佐藤',
  'Al-Sayed',
  'Brock',
  'Jefferies',
  'Jackson',
  'Okafor',
  'Silva',
  'Novák',
  'Öztürk',
  'Andersson',
  'Tanaka',
  'Díaz',
  'Weiß',
  'Lefèvre',
  'Kuznetsov',
];

/** Romanised forms of the names that have no Latin letters, used to build e-mail addresses. */
const ROMANISED: Readonly<Record<string, string>> = {
  伟: 'wei',
  娜: 'na',
  陽翔: 'haruto',
  李: 'li',
  王: 'wang',
  张: 'zhang',
  佐藤: 'sato',
};

/** Letters that Unicode decomposition does not reduce to ASCII. */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ø: 'o',
  ł: 'l',
  ß: 'ss',
  æ: 'ae',
  đ: 'd',
  ı: 'i',
};

/** A lowercase ASCII form of a name for e-mail local parts: `Øyvind` -> `oyvind`, `李` -> `li`. */
export function asciiSlug(name: string): string {
  const romanised = ROMANISED[name] ?? name;
  const lower = romanised.toLowerCase().normalize('NFD');
  let slug = '';
  for (const character of lower) {
    const replacement = SPECIAL_LETTERS[character];
    if (replacement !== undefined) slug += replacement;
    else if (/[a-z0-9]/.test(character)) slug += character;
  }
  return slug || 'user';
}

/** Nick names used for `profile.nickName` on some users. */
export const NICK_NAMES: readonly string[] = ['Jo', 'Zo', 'Bex', 'Kit', 'Sunny', 'Ace', 'Dee', 'Max'];

/** Personal e-mail domains for `profile.secondEmail`. */
export const PERSONAL_EMAIL_DOMAINS: readonly string[] = ['example.org', 'example.net', 'mail.example'];
