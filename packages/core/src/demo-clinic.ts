/**
 * The demo clinic's people, defined once: the emulator seeds them (`seed`, the demo app, Storybook, tests) and React's
 * `proxyUrl="demo"` serves them, so every demo shows the same clinic. Dates are pinned so stories and screenshots are
 * deterministic. Every name, address and number is invented.
 */
import type { PatientCreate } from './schemas/patient.ts';
import type { PractitionerCreate } from './schemas/practitioner.ts';

/** The clinic's practitioner. */
export const DEMO_PRACTITIONER: PractitionerCreate = {
  firstName: 'Ravi',
  lastName: 'Shah',
  prefix: ['Dr.'],
  specialty: 'Family Medicine',
  npi: '1234567893',
  email: 'ravi.shah@example.org',
};

/** The clinic's patients, in the simplified create shape. */
export const DEMO_PATIENTS: readonly PatientCreate[] = [
  {
    firstName: 'Amara',
    lastName: 'Okafor',
    gender: 'female',
    birthDate: '1986-04-12',
    email: 'amara.okafor@example.org',
    phone: '+1 512 555 0142',
    address: { line: ['14 Willow Bend'], city: 'Austin', state: 'TX', postalCode: '78704', country: 'US' },
  },
  {
    firstName: 'Benjamin',
    lastName: 'Hartley',
    gender: 'male',
    birthDate: '1952-11-03',
    email: 'ben.hartley@example.org',
    phone: '+44 20 7946 0318',
    address: { line: ['7 Cranbrook Road'], city: 'London', postalCode: 'N1 9GU', country: 'GB' },
  },
  { firstName: 'Chen', lastName: 'Wei', gender: 'male', birthDate: '1990-07-21', email: 'chen.wei@example.org', phone: '+61 2 5550 1187' },
  {
    firstName: 'Daniela',
    lastName: 'Ruiz',
    gender: 'female',
    birthDate: '1978-02-08',
    email: 'daniela.ruiz@example.org',
    phone: '+1 305 555 0190',
    maritalStatus: 'married',
  },
  { firstName: 'Elijah', lastName: 'Brooks', gender: 'male', birthDate: '2015-09-30', phone: '+1 404 555 0123' },
  {
    firstName: 'Fatima',
    lastName: 'Al-Sayed',
    gender: 'female',
    birthDate: '1969-05-17',
    email: 'fatima.alsayed@example.org',
    languages: [{ language: 'ar', preferred: true }, { language: 'en' }],
  },
  {
    firstName: 'Gabriel',
    lastName: 'Moreau',
    gender: 'male',
    birthDate: '1944-12-25',
    address: { line: ['22 Rue des Lilas'], city: 'Lyon', postalCode: '69003', country: 'FR' },
  },
  {
    firstName: 'Hannah',
    lastName: 'Kowalski',
    gender: 'female',
    birthDate: '1995-03-14',
    email: 'hannah.k@example.org',
    phone: '+1 312 555 0177',
  },
  { firstName: 'Isaac', lastName: 'Mensah', gender: 'male', birthDate: '1983-08-02', email: 'isaac.mensah@example.org' },
  {
    firstName: 'Joanna',
    lastName: 'Lindqvist',
    gender: 'female',
    birthDate: '1971-10-19',
    phone: '+46 8 555 012 34',
    maritalStatus: 'divorced',
  },
  {
    firstName: 'Kenji',
    lastName: 'Tanaka',
    gender: 'male',
    birthDate: '1960-01-29',
    email: 'kenji.tanaka@example.org',
    languages: [{ language: 'ja', preferred: true }],
  },
  { firstName: 'Leila', lastName: 'Haddad', gender: 'female', birthDate: '2001-06-06', email: 'leila.haddad@example.org' },
  {
    firstName: 'Marcus',
    lastName: 'Johnson',
    gender: 'male',
    birthDate: '1975-04-23',
    phone: '+1 713 555 0109',
    address: { line: ['1800 Bayou Street', 'Apt 4B'], city: 'Houston', state: 'TX', postalCode: '77002', country: 'US' },
  },
  { firstName: 'Nadia', lastName: 'Petrova', gender: 'female', birthDate: '1988-12-01', email: 'nadia.petrova@example.org' },
  {
    firstName: 'Oliver',
    lastName: 'Bennett',
    gender: 'male',
    birthDate: '1999-02-17',
    email: 'oliver.bennett@example.org',
    phone: '+44 161 496 0752',
  },
  {
    firstName: 'Priya',
    lastName: 'Raman',
    gender: 'female',
    birthDate: '1992-09-09',
    email: 'priya.raman@example.org',
    languages: [{ language: 'ta' }, { language: 'en', preferred: true }],
  },
  { firstName: 'Quinn', lastName: 'O’Connor', gender: 'other', birthDate: '1997-05-28', email: 'quinn.oconnor@example.org' },
  { firstName: 'Rosa', lastName: 'Delgado', gender: 'female', birthDate: '1957-07-04', phone: '+1 602 555 0166', maritalStatus: 'widowed' },
  { firstName: 'Samuel', lastName: 'Adeyemi', gender: 'male', birthDate: '1981-11-11', email: 'samuel.adeyemi@example.org' },
  {
    firstName: 'Tova',
    lastName: 'Feldman',
    gender: 'female',
    birthDate: '1966-03-03',
    email: 'tova.feldman@example.org',
    phone: '+1 617 555 0135',
  },
];
