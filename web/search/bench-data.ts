/**
 * Seeded rows for the search bench and tests: a client base as the users really keep it, in
 * Spanish, Romanian and Russian (diacritics, Cyrillic), with messy phone formats, e-mails,
 * cities, tags and free notes. No Node-only imports: the app bench runs it in Chromium too.
 */
import type { Row } from '../engine/rows';
import type { FieldValue, KindedValue, SectionId } from '../schema/fields';

/** A seeded PRNG (mulberry32): the same seed gives the same rows on every machine. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T;
}

/** A seeded random source. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return { next, int, pick: (list) => list[int(list.length)] };
}

interface Language {
  first: string[];
  last: string[];
  cities: string[];
  streets: string[];
  words: string[];
  legal: string[];
  domain: string;
  phone: (random: Random) => string;
}

const digits = (random: Random, count: number): string => {
  let text = '';
  for (let i = 0; i < count; i++) text += String(random.int(10));
  return text;
};

const LANGUAGES: Language[] = [
  {
    first: ['Ștefan', 'Ioana', 'Mihai', 'Andreea', 'Răzvan', 'Elena', 'Gheorghe', 'Cătălina', 'Bogdan', 'Ana', 'Tudor', 'Mădălina', 'Vlad', 'Irina', 'Florin'],
    last: ['Ștefănescu', 'Popescu', 'Ionescu', 'Dumitrescu', 'Țurcanu', 'Constantinescu', 'Munteanu', 'Stănescu', 'Bălan', 'Rădulescu', 'Păunescu', 'Moldoveanu', 'Lupașcu', 'Grigoraș', 'Șerban'],
    cities: ['Iași', 'București', 'Cluj-Napoca', 'Timișoara', 'Constanța', 'Brașov', 'Galați', 'Craiova', 'Ploiești', 'Suceava'],
    streets: ['Strada Lăpușneanu', 'Bulevardul Ștefan cel Mare', 'Calea Victoriei', 'Strada Mihai Eminescu', 'Șoseaua Nordului'],
    words: ['construcții', 'transport', 'agricultură', 'mobilă', 'farmacie', 'tâmplărie', 'distribuție', 'consultanță', 'instalații', 'tipografie'],
    legal: ['SRL', 'SA', 'PFA'],
    domain: 'ro',
    phone: (random) => random.pick([
      () => `+40 7${digits(random, 2)} ${digits(random, 3)} ${digits(random, 3)}`,
      () => `07${digits(random, 2)}.${digits(random, 3)}.${digits(random, 3)}`,
      () => `(0232) ${digits(random, 3)}-${digits(random, 3)}`,
      () => `07${digits(random, 8)}`,
    ])(),
  },
  {
    first: ['José', 'María', 'Íñigo', 'Begoña', 'Jesús', 'Lucía', 'Álvaro', 'Nuria', 'Sebastián', 'Rocío', 'Martín', 'Inés', 'Raúl', 'Pilar', 'Ángel'],
    last: ['Núñez', 'García', 'Fernández', 'Muñoz', 'Peña', 'Martínez', 'Gutiérrez', 'Ibáñez', 'Sánchez', 'Rodríguez', 'López', 'Pérez', 'Gómez', 'Díaz', 'Castaño'],
    cities: ['Málaga', 'Córdoba', 'Cádiz', 'Ávila', 'León', 'Logroño', 'Valencia', 'Sevilla', 'A Coruña', 'Almería'],
    streets: ['Calle Mayor', 'Avenida de la Constitución', 'Plaza de España', 'Calle Alcalá', 'Paseo de Gracia'],
    words: ['construcción', 'logística', 'panadería', 'ferretería', 'asesoría', 'informática', 'climatización', 'carpintería', 'óptica', 'imprenta'],
    legal: ['S.L.', 'S.A.', 'S.L.U.'],
    domain: 'es',
    phone: (random) => random.pick([
      () => `+34 6${digits(random, 2)} ${digits(random, 2)} ${digits(random, 2)} ${digits(random, 2)}`,
      () => `9${digits(random, 2)}-${digits(random, 3)}-${digits(random, 3)}`,
      () => `0034${digits(random, 9)}`,
      () => `6${digits(random, 2)} ${digits(random, 3)} ${digits(random, 3)}`,
    ])(),
  },
  {
    first: ['Алексей', 'Ольга', 'Дмитрий', 'Наталья', 'Сергей', 'Юлия', 'Андрей', 'Татьяна', 'Пётр', 'Екатерина', 'Михаил', 'Анна', 'Илья', 'Алёна', 'Николай'],
    last: ['Иванов', 'Смирнов', 'Кузнецов', 'Соколов', 'Попов', 'Лебедев', 'Козлов', 'Новиков', 'Морозов', 'Фёдоров', 'Волков', 'Алексеев', 'Семёнов', 'Егоров', 'Павлов'],
    cities: ['Москва', 'Санкт-Петербург', 'Новосибирск', 'Екатеринбург', 'Казань', 'Нижний Новгород', 'Самара', 'Ростов-на-Дону', 'Уфа', 'Пермь'],
    streets: ['улица Ленина', 'проспект Мира', 'улица Гагарина', 'Садовая улица', 'Невский проспект'],
    words: ['строительство', 'логистика', 'мебель', 'аптека', 'типография', 'поставки', 'оборудование', 'консалтинг', 'ремонт', 'пекарня'],
    legal: ['ООО', 'ИП', 'АО'],
    domain: 'ru',
    phone: (random) => random.pick([
      () => `+7 (9${digits(random, 2)}) ${digits(random, 3)}-${digits(random, 2)}-${digits(random, 2)}`,
      () => `8 9${digits(random, 2)} ${digits(random, 3)} ${digits(random, 2)} ${digits(random, 2)}`,
      () => `8(495)${digits(random, 7)}`,
      () => `+79${digits(random, 9)}`,
    ])(),
  },
];

const TRANSLIT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o',
  п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** An e-mail-safe ASCII form of a name (accents dropped, Cyrillic transliterated). */
function ascii(text: string): string {
  return [...text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()].map((char) => TRANSLIT[char] ?? char).join('').replace(/[^a-z0-9]+/g, '');
}

const TAGS = ['vip', 'export', 'nuevo', 'mayorista', 'fidel', 'angro', 'оптовик', 'партнёр', 'restante', 'prospect'];
const MANAGERS = ['Ana Popescu', 'José Núñez', 'Ольга Смирнова', 'Mihai Stănescu', 'Lucía Peña'];
const NOTES = [
  'Llamar el lunes para la oferta de primavera',
  'A cerut ofertă pentru livrare în Iași, revenim săptămâna viitoare',
  'Просил перезвонить после обеда, интересует скидка',
  'Factura restantă, de discutat cu contabilitatea',
  'Reunión en la feria de Valencia, muy interesado',
  'Договор продлён до конца года',
];

function phones(random: Random, language: Language): KindedValue[] {
  const count = random.int(3);
  return Array.from({ length: count }, (_unused, position) => ({ kind: position === 0 ? 'mobile' : random.pick(['work', 'home']), value: language.phone(random) }));
}

function orgValues(random: Random, language: Language): Record<string, FieldValue> {
  const word = random.pick(language.words);
  const last = random.pick(language.last);
  const name = random.int(2) === 0 ? `${last} ${word} ${random.pick(language.legal)}` : `${word[0].toUpperCase()}${word.slice(1)} ${random.pick(language.cities)}`;
  const values: Record<string, FieldValue> = {
    name,
    taxId: `${language.domain.toUpperCase()}${digits(random, 8)}`,
    industry: word,
    category: random.pick(['key', 'regular', 'one-off']),
    manager: random.pick(MANAGERS),
    city: random.pick(language.cities),
    address: `${random.pick(language.streets)} ${1 + random.int(150)}`,
    phones: phones(random, language),
    emails: [{ kind: 'work', value: `office@${ascii(last)}${random.int(100)}.${language.domain}` }],
    revenue: random.int(2_000_000),
  };
  if (random.int(3) === 0) values.tags = [random.pick(TAGS)];
  if (random.int(4) === 0) values.notes = random.pick(NOTES);
  return values;
}

function personValues(random: Random, language: Language): Record<string, FieldValue> {
  const firstName = random.pick(language.first);
  const lastName = random.pick(language.last);
  const values: Record<string, FieldValue> = {
    firstName,
    lastName,
    position: random.pick(['director', 'contabil', 'gerente', 'менеджер', 'jefe de compras', 'бухгалтер']),
    org: `org${random.int(1_000_000)}`,
    phones: phones(random, language),
    emails: [{ kind: 'work', value: `${ascii(firstName)}.${ascii(lastName)}@${random.pick(['gmail.com', 'yandex.ru', 'yahoo.es', 'mail.ru'])}` }],
    city: random.pick(language.cities),
    birthday: `19${50 + random.int(50)}-0${1 + random.int(9)}-1${random.int(10)}`,
  };
  if (random.int(3) === 0) values.accounts = [{ kind: 'telegram', value: `@${ascii(firstName)}_${random.int(1000)}` }];
  if (random.int(5) === 0) values.notes = random.pick(NOTES);
  return values;
}

function noteValues(random: Random, language: Language): Record<string, FieldValue> {
  return { title: `${random.pick(language.last)}: ${random.pick(language.words)}`, date: '2024-05-01', text: random.pick(NOTES), about: `org${random.int(1_000_000)}` };
}

function linkValues(random: Random, language: Language): Record<string, FieldValue> {
  const word = random.pick(language.words);
  return { title: `${word} ${random.pick(language.cities)}`, url: `https://www.${ascii(word)}.${language.domain}/`, kind: random.pick(['supplier', 'competitor', 'partner']), description: random.pick(NOTES) };
}

/** `count` projection rows (45% organizations, 40% people, 10% notes, 5% links) from `seed`. */
export function generateBenchRows(count: number, seed = 1): Row[] {
  const random = seededRandom(seed);
  const rows: Row[] = [];
  for (let n = 0; n < count; n++) {
    const language = random.pick(LANGUAGES);
    const roll = random.next();
    const section: SectionId = roll < 0.45 ? 'orgs' : roll < 0.85 ? 'people' : roll < 0.95 ? 'notes' : 'links';
    const v = section === 'orgs' ? orgValues(random, language) : section === 'people' ? personValues(random, language) : section === 'notes' ? noteValues(random, language) : linkValues(random, language);
    rows.push({ id: `r${seed}x${n.toString(36)}`, section, shard: `book:bench:${Math.floor(n / 10_000)}`, v, created: 0, updated: 0, by: 'bench', seq: n + 1 });
  }
  return rows;
}
