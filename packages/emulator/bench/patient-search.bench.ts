/**
 * Patient search by name at 100,000 patients on PGlite — through the whole API (`GET /v1/patients?name=…`, key
 * check, search, JSON) and at the store alone. Names are drawn from realistic lists, and the queries are the partial
 * names people type (3 to 6 letters), some common, some rare.
 *
 * What makes it fast: the `resources_name_trgm` GIN index (pg_trgm; its fast-update pending list capped at 64 kB,
 * so a search never scans a long one) finds `name_text LIKE '%ann%'` without a table scan; the matches are counted and sorted once in a
 * materialised CTE, and only the page's 20 rows are joined back for their bodies.
 */
import { createEmulator } from '../src/emulator.ts';
import { openPglite } from '../src/store/pglite.ts';
import { createSqlStore } from '../src/store/sql-store.ts';
import type { StoredResource } from '../src/store/types.ts';
import { report, timeEach } from './measure.ts';

const PATIENTS = 100_000;
const QUERY_COUNT = 200;
const GIVEN = [
  'James',
  'Mary',
  'John',
  'Patricia',
  'Robert',
  'Jennifer',
  'Michael',
  'Linda',
  'William',
  'Elizabeth',
  'David',
  'Barbara',
  'Richard',
  'Susan',
  'Joseph',
  'Jessica',
  'Thomas',
  'Sarah',
  'Charles',
  'Karen',
  'Mohammed',
  'Fatima',
  'Wei',
  'Mei',
  'Hiroshi',
  'Yuki',
  'Carlos',
  'Maria',
  'José',
  'Ana',
  'Luis',
  'Sofia',
  'Ahmed',
  'Aisha',
  'Raj',
  'Priya',
  'Arjun',
  'Ananya',
  'Olga',
  'Ivan',
  'Sven',
  'Ingrid',
  'Kwame',
  'Amara',
  'Chinedu',
  'Ngozi',
  'Hannah',
  'Joanna',
  'Liam',
  'Emma',
  'Noah',
  'Olivia',
  'Lucas',
  'Amelia',
  'Mateo',
  'Isla',
  'Leila',
  'Omar',
  'Tariq',
  'Noor',
  'Kenji',
  'Sakura',
  'Min-jun',
  'Seo-yeon',
  'Thabo',
  'Lerato',
  'Diego',
  'Camila',
  'Pierre',
  'Camille',
  'Giulia',
  'Marco',
  'Anders',
  'Freya',
  'Nadia',
  'Dmitri',
  'Zara',
  'Yusuf',
  'Elif',
  'Emre',
];
const FAMILY = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Rodriguez',
  'Martinez',
  'Hernandez',
  'Lopez',
  'Gonzalez',
  'Wilson',
  'Anderson',
  'Thomas',
  'Taylor',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Perez',
  'Thompson',
  'White',
  'Harris',
  'Sanchez',
  'Clark',
  'Ramirez',
  'Lewis',
  'Robinson',
  'Walker',
  'Young',
  'Allen',
  'King',
  'Wright',
  'Scott',
  'Torres',
  'Nguyen',
  'Hill',
  'Flores',
  'Green',
  'Adams',
  'Nelson',
  'Baker',
  'Hall',
  'Rivera',
  'Campbell',
  'Mitchell',
  'Carter',
  'Roberts',
  'Wang',
  'Li',
  'Zhang',
  'Liu',
  'Chen',
  'Yang',
  'Huang',
  'Kim',
  'Park',
  'Choi',
  'Tanaka',
  'Suzuki',
  'Sato',
  'Watanabe',
  'Patel',
  'Singh',
  'Kumar',
  'Shah',
  'Khan',
  'Ali',
  'Hussain',
  'Okafor',
  'Mensah',
  'Adeyemi',
  'Okonkwo',
  'Haddad',
  'Al-Sayed',
  'Cohen',
  'Levi',
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Dubois',
  'Moreau',
  'Laurent',
  'Rossi',
  'Russo',
  'Ferrari',
  'Silva',
  'Santos',
  'Oliveira',
  'Kowalski',
  'Nowak',
  'Novak',
  'Ivanov',
  'Petrova',
  'Lindqvist',
  'Andersson',
  'Johansson',
  'Nielsen',
  'Jensen',
  'Hansen',
  'Yilmaz',
  'Kaya',
  'Demir',
  'O’Connor',
  'Murphy',
  'Kelly',
  'Walsh',
  'Byrne',
  'Bennett',
  'Hartley',
  'Brooks',
  'Delgado',
  'Feldman',
  'Raman',
  'Iyer',
  'Nakamura',
  'Kobayashi',
  'Horvath',
  'Kovacs',
  'Papadopoulos',
];

/** Mulberry32: a small deterministic generator, so every run loads and queries the same patients. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Real surnames have a long tail: the commonest few hundred cover under half of people. Most patients here get a
 * name from the common list (weighted by rank), the rest one of ~30,000 rarer ones built from syllables.
 */
const SYLLABLES = [
  'ab',
  'an',
  'ber',
  'bo',
  'ca',
  'del',
  'dor',
  'el',
  'fen',
  'ga',
  'hal',
  'ik',
  'jan',
  'ka',
  'lin',
  'mo',
  'nar',
  'os',
  'pel',
  'qu',
  'ra',
  'sen',
  'tor',
  'ul',
  'ven',
  'wy',
  'ya',
  'zel',
];
function rareName(random: () => number): string {
  const parts = Array.from({ length: 2 + Math.floor(random() * 2) }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)] as string);
  const name = parts.join('');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Real names are not uniform: a few are common, most are rare (a Zipf-like weight by rank). */
function weightedPicker(values: readonly string[], random: () => number): () => string {
  const weights = values.map((_, rank) => 1 / (rank + 1) ** 0.8);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return () => {
    let target = random() * total;
    for (const [index, weight] of weights.entries()) {
      target -= weight;
      if (target <= 0) return values[index] as string;
    }
    return values[values.length - 1] as string;
  };
}

async function main(): Promise<void> {
  const store = await createSqlStore(await openPglite());
  const emulator = createEmulator({ store });
  await emulator.admin.createOrganisation({ id: 'org_bench', name: 'Bench clinic', plan: 'enterprise' });
  const { key } = await emulator.admin.createKey({ organisationId: 'org_bench', environment: 'test' });

  const random = generator(42);
  const commonGiven = weightedPicker(GIVEN, random);
  const commonFamily = weightedPicker(FAMILY, random);
  const given = (): string => (random() < 0.85 ? commonGiven() : rareName(random));
  const family = (): string => (random() < 0.45 ? commonFamily() : rareName(random));
  const names: [string, string][] = [];
  const loadStarted = performance.now();
  const lastUpdated = new Date().toISOString();
  for (let start = 0; start < PATIENTS; start += 2000) {
    const batch: StoredResource[] = [];
    for (let index = start; index < Math.min(PATIENTS, start + 2000); index++) {
      const id = `bench-${index}`;
      const name: [string, string] = [given(), random() < 0.1 ? `${family()}-${family()}` : family()];
      names.push(name);
      batch.push({
        datastore: 'test',
        tenant: 'org_bench',
        resourceType: 'Patient',
        id,
        version: 1,
        lastUpdated,
        body: {
          resourceType: 'Patient',
          id,
          active: true,
          name: [{ use: 'official', given: [name[0]], family: name[1] }],
          gender: random() < 0.5 ? 'female' : 'male',
          birthDate: `19${50 + Math.floor(random() * 50)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
          meta: { versionId: '1', lastUpdated, tag: [{ system: 'https://clinikapi.com/tenant', code: 'org_bench' }] },
        },
      });
    }
    await store.insertResources(batch);
  }
  console.log(`Loaded ${PATIENTS.toLocaleString('en')} patients into PGlite in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s`);

  // What people type to find someone: the first 3 to 6 letters of a patient's given or family name.
  const queries = Array.from({ length: QUERY_COUNT }, () => {
    const [first, last] = names[Math.floor(random() * names.length)] as [string, string];
    const part = random() < 0.7 ? last : first;
    return encodeURIComponent(part.slice(0, 3 + Math.floor(random() * 4)).toLowerCase());
  });
  const matches: number[] = [];
  for (const query of queries) {
    const response = await emulator.fetch(
      new Request(`http://bench.local/v1/patients?name=${query}&count=1`, { headers: { 'x-api-key': key } }),
    );
    matches.push(((await response.json()) as { data: { total: number } }).data.total);
  }
  matches.sort((a, b) => a - b);
  console.log(
    `Matches per query: median ${matches[Math.floor(matches.length / 2)]}, max ${matches[matches.length - 1]} (${QUERY_COUNT} queries)`,
  );

  const api = await timeEach(QUERY_COUNT * 2, 20, async (index) => {
    const response = await emulator.fetch(
      new Request(`http://bench.local/v1/patients?name=${queries[index % queries.length]}`, { headers: { 'x-api-key': key } }),
    );
    if (response.status !== 200) throw new Error(`search answered ${response.status}`);
    await response.arrayBuffer();
  });
  report('GET /v1/patients?name=… (first page of 20, with total)', api, { p50: 20 });

  const storeOnly = await timeEach(QUERY_COUNT * 2, 20, (index) =>
    store.searchResources(
      { datastore: 'test', tenant: 'org_bench', resourceType: 'Patient' },
      {
        filters: [{ kind: 'name', value: decodeURIComponent(queries[index % queries.length] as string) }],
        sort: [{ field: 'name', descending: false }],
        offset: 0,
        limit: 20,
      },
    ),
  );
  report('store.searchResources(name) alone', storeOnly);
  await emulator.close();
}

await main();
