/**
 * The demo clinic's people, made up: 120 patients built from name lists (so pages come out 3 at 50 and 2 at 100),
 * with name clashes for `~`/`~~` searches (Smith, Smithson, Smithers; Brown, Browning), May birthdays for
 * `****-05-**`, and phone numbers and emails on the reserved example.com domain.
 */

const FIRST_NAMES = [
  'Olivia',
  'Jack',
  'Charlotte',
  'Noah',
  'Mia',
  'William',
  'Ava',
  'Leo',
  'Isla',
  'Henry',
  'Grace',
  'Oliver',
  'Zoe',
  'Lucas',
  'Ruby',
  'Thomas',
  'Chloe',
  'James',
  'Sienna',
  'Ethan',
  'Matilda',
  'Hugo',
  'Evie',
  'Archie',
  'Harper',
  'Lachlan',
  'Ivy',
  'Mason',
  'Aria',
  'Riley',
];

const LAST_NAMES = [
  'Smith',
  'Smithson',
  'Smithers',
  'Nguyen',
  'Brown',
  'Browning',
  'Wilson',
  'Taylor',
  'Kelly',
  'Patel',
  'Martin',
  'Anderson',
  'Thompson',
  'White',
  'Walker',
  'Harris',
  'Clarke',
  'Robinson',
  'Li',
  'Wright',
  'Murphy',
  'Campbell',
  'Ryan',
  'Singh',
  'Jackson',
];

export const PATIENT_COUNT = 120;
/** Patients (by index) the seed archives. */
export const ARCHIVED_PATIENTS: ReadonlySet<number> = new Set([17, 58, 99]);

export interface SeedPatient {
  readonly first_name: string;
  readonly last_name: string;
  readonly date_of_birth: string;
  readonly email: string;
  readonly sex: string;
  readonly patient_phone_numbers: readonly { readonly phone_type: string; readonly number: string }[];
  readonly city: string;
  readonly state: string;
  readonly post_code: string;
}

const SUBURBS = [
  ['Fitzroy', '3065'],
  ['Carlton', '3053'],
  ['Brunswick', '3056'],
  ['Richmond', '3121'],
  ['Collingwood', '3066'],
] as const;

export function seedPatient(index: number): SeedPatient {
  const first = FIRST_NAMES[(index * 7) % FIRST_NAMES.length] as string;
  const last = LAST_NAMES[(index * 11 + Math.floor(index / LAST_NAMES.length)) % LAST_NAMES.length] as string;
  const [city, postCode] = SUBURBS[index % SUBURBS.length] as readonly [string, string];
  const year = 1950 + ((index * 7) % 60);
  const month = (index % 12) + 1;
  const day = ((index * 3) % 28) + 1;
  return {
    first_name: first,
    last_name: last,
    date_of_birth: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    email: `${first}.${last}.${index}@example.com`.toLowerCase(),
    sex: index % 2 === 0 ? 'Female' : 'Male',
    patient_phone_numbers:
      index % 4 === 3 ? [] : [{ phone_type: 'Mobile', number: `6140${String(1_000_000 + ((index * 7919) % 8_999_999)).padStart(7, '0')}` }],
    city,
    state: 'VIC',
    post_code: postCode,
  };
}
