/** A department with the division and cost center it rolls up to and the titles found in it. */
export interface Department {
  name: string;
  division: string;
  costCenter: string;
  titles: readonly string[];
}

export const DEPARTMENTS: readonly Department[] = [
  {
    name: 'Engineering',
    division: 'R&D',
    costCenter: '10',
    titles: [
      'Software Engineer',
      'Senior Software Engineer',
      'Staff Engineer',
      'Engineering Manager',
      'Director',
    ],
  },
  {
    name: 'Product',
    division: 'R&D',
    costCenter: '11',
    titles: ['Product Manager', 'Senior Product Manager', 'Product Designer', 'UX Researcher'],
  },
  {
    name: 'Sales',
    division: 'Go-to-Market',
    costCenter: '20',
    titles: ['Account Executive', 'Sales Development Representative', 'Regional Sales Director'],
  },
  {
    name: 'Marketing',
    division: 'Go-to-Market',
    costCenter: '21',
    titles: ['Content Strategist', 'Growth Marketer', 'Brand Manager'],
  },
  {
    name: 'Customer Success',
    division: 'Go-to-Market',
    costCenter: '22',
    titles: ['Customer Success Manager', 'Support Engineer', 'Technical Account Manager'],
  },
  {
    name: 'Finance',
    division: 'G&A',
    costCenter: '30',
    titles: ['Accountant', 'Financial Analyst', 'Controller'],
  },
  {
    name: 'Human Resources',
    division: 'G&A',
    costCenter: '31',
    titles: ['HR Business Partner', 'Recruiter', 'People Operations Specialist'],
  },
  {
    name: 'Legal',
    division: 'G&A',
    costCenter: '32',
    titles: ['Counsel', 'Paralegal', 'Privacy Officer'],
  },
  {
    name: 'IT',
    division: 'G&A',
    costCenter: '33',
    titles: ['IT Administrator', 'Systems Engineer', 'Help Desk Technician', 'Security Analyst'],
  },
  {
    name: 'Recherche & Développement',
    division: 'R&D',
    costCenter: '12',
    titles: ['Ingénieur de recherche', 'Chercheuse'],
  },
];

/**
 * Values of `profile.userType`, with weights. The spellings vary on purpose (`intern`,
 * `Temp`, `CONTRACTOR`): the unified employment type matches them case-insensitively, and
 * values such as `Vendor` map to "other". `undefined` means the attribute is absent.
 */
export const USER_TYPES: readonly (readonly [string | undefined, number])[] = [
  ['Employee', 55],
  ['employee', 4],
  ['Contractor', 10],
  ['CONTRACTOR', 2],
  ['intern', 4],
  ['Intern', 2],
  ['Temp', 2],
  ['temporary', 2],
  ['Vendor', 3],
  ['Partner', 2],
  [undefined, 14],
];

/** The organisation behind a seeded tenant. */
export interface Company {
  name: string;
  subdomain: string;
  website: string;
  phoneNumber: string;
  address1: string;
  address2?: string;
  city: string;
  state?: string;
  postalCode: string;
  country: string;
}

export const COMPANIES: readonly Company[] = [
  {
    name: 'Acme Inc',
    subdomain: 'acme',
    website: 'https://www.acme.example.com',
    phoneNumber: '+18887227871',
    address1: '100 1st St',
    address2: '6th floor',
    city: 'San Francisco',
    state: 'California',
    postalCode: '94105',
    country: 'United States',
  },
  {
    name: 'Globex Société Anonyme',
    subdomain: 'globex',
    website: 'https://globex.example.com',
    phoneNumber: '+33140000000',
    address1: '12 Rue de Rivoli',
    city: 'Paris',
    postalCode: '75004',
    country: 'France',
  },
  {
    name: 'Initech GmbH',
    subdomain: 'initech',
    website: 'https://initech.example.com',
    phoneNumber: '+49301234567',
    address1: 'Karl-Liebknecht-Str. 5',
    city: 'Berlin',
    postalCode: '10178',
    country: 'Germany',
  },
  {
    name: 'Nordlys AS',
    subdomain: 'nordlys',
    website: 'https://nordlys.example.com',
    phoneNumber: '+4722000000',
    address1: 'Karl Johans gate 22',
    city: 'Oslo',
    postalCode: '0159',
    country: 'Norway',
  },
];
