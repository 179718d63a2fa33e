/**
 * A seeded generator of realistic client bases for the bench: organizations as the users'
 * Excel sheets hold them, in Spanish, Romanian and Russian (diacritics, Cyrillic), with messy
 * phone formats, e-mails, cities, managers, categories, revenue and free notes. The same seed
 * always gives the same base, so runs are comparable.
 */
import type { FieldValue, KindedValue } from '../web/schema/fields';
import { seededRandom as baseRandom, type Random as BaseRandom } from '../web/search/bench-data';

/** Values of one generated record, by field id (what createRecords takes). */
export type GeneratedRecord = Record<string, FieldValue>;

/** A seeded random source (the search bench's mulberry32) with a coin toss added. */
export interface Random extends BaseRandom {
  /** True with probability p. */
  chance(p: number): boolean;
}

/** A seeded random source: the same seed gives the same sequence. */
export function seededRandom(seed: number): Random {
  const random = baseRandom(seed);
  return { ...random, chance: (p) => random.next() < p };
}

/** The languages records are written in. */
export type Locale = 'ro' | 'es' | 'ru';

interface LocaleData {
  country: string;
  surnames: string[];
  firstNames: string[];
  words: string[];
  cities: string[];
  streets: string[];
  legalForms: string[];
  companyPatterns: ((surname: string, word: string, legal: string) => string)[];
  phone: (random: Random) => string;
  domain: string;
  notes: string[];
  cooperation: string[];
}

const digits = (random: Random, count: number): string => {
  let text = '';
  for (let i = 0; i < count; i++) text += String(random.int(10));
  return text;
};

const LOCALES: Record<Locale, LocaleData> = {
  ro: {
    country: 'România',
    surnames: ['Ștefănescu', 'Popescu', 'Ionescu', 'Rădulescu', 'Dumitrescu', 'Țurcanu', 'Stănescu', 'Mureșan', 'Constantinescu', 'Bălan', 'Crăciun', 'Munteanu', 'Năstase', 'Văduva', 'Toma', 'Gheorghiță'],
    firstNames: ['Ion', 'Maria', 'Andrei', 'Ștefan', 'Ioana', 'Mihai', 'Elena', 'Cătălin', 'Răzvan', 'Alexandra', 'Ana', 'Bogdan'],
    words: ['Agro', 'Construct', 'Transilvania', 'Dunărea', 'Carpați', 'Lumină', 'Grădina', 'Mobilă', 'Țesătura', 'Pâine', 'Tehnic', 'Logistică'],
    cities: ['București', 'Iași', 'Cluj-Napoca', 'Timișoara', 'Brașov', 'Constanța', 'Craiova', 'Galați', 'Ploiești', 'Oradea', 'Chișinău', 'Bălți', 'Pitești', 'Târgu Mureș'],
    streets: ['Str. Mihai Eminescu nr. {n}', 'Bd. Ștefan cel Mare {n}', 'Calea Victoriei {n}, et. 2', 'Șos. Pantelimon {n}, bl. 4, ap. 17', 'Str. Păcii {n}'],
    legalForms: ['SRL', 'S.R.L.', 'SA', 'PFA'],
    companyPatterns: [(s, _w, l) => `${s} & Fiii ${l}`, (_s, w, l) => `${w} Grup ${l}`, (s, w, l) => `${w} ${s} ${l}`, (_s, w, l) => `Casa ${w} ${l}`],
    phone: (r) =>
      r.pick([
        () => `+40 (7${digits(r, 2)}) ${digits(r, 3)}-${digits(r, 3)}`,
        () => `07${digits(r, 2)}.${digits(r, 3)}.${digits(r, 3)}`,
        () => `07${digits(r, 2)} ${digits(r, 3)} ${digits(r, 3)}`,
        () => `+407${digits(r, 8)}`,
        () => `021 ${digits(r, 3)} ${digits(r, 2)} ${digits(r, 2)}`,
        () => `0040 7${digits(r, 2)} ${digits(r, 6)}`,
      ])(),
    domain: 'ro',
    notes: [
      'A cerut ofertă nouă pentru trimestrul următor.',
      'Plătește întotdeauna cu întârziere de o săptămână.',
      'Directorul preferă să fie sunat dimineața, înainte de ora 10.',
      'Interesați de reducere la comenzi mari; de revenit în martie.',
      'Întâlnire la târg, au vizitat standul nostru.',
    ],
    cooperation: ['distribuție', 'logistică', 'producție', 'servicii IT', 'consultanță'],
  },
  es: {
    country: 'España',
    surnames: ['García', 'Muñoz', 'Fernández', 'Núñez', 'Peña', 'Ibáñez', 'Gómez', 'Martínez', 'López', 'Rodríguez', 'Sánchez', 'Jiménez', 'Márquez', 'Castaño', 'Díaz', 'Orduña'],
    firstNames: ['José', 'María', 'Iñigo', 'Begoña', 'Ángel', 'Lucía', 'Sofía', 'Jesús', 'Raúl', 'Inés', 'Álvaro', 'Nuria'],
    words: ['Distribuciones', 'Construcciones', 'Muebles', 'Panadería', 'Ingeniería', 'Logística', 'Cerámica', 'Óptica', 'Almacenes', 'Café', 'Jardinería', 'Maquinaria'],
    cities: ['Málaga', 'Córdoba', 'Cádiz', 'León', 'Logroño', 'Alcalá de Henares', 'A Coruña', 'Ávila', 'Cáceres', 'Madrid', 'Valencia', 'Sevilla', 'Bilbao', 'Almería'],
    streets: ['Calle Mayor, {n}', 'Avda. de Andalucía {n}, 3º B', 'Plaza de España {n}', 'C/ Núñez de Balboa {n}, 2º izq.', 'Paseo de la Castellana {n}'],
    legalForms: ['S.L.', 'S.A.', 'SL', 'S.L.U.'],
    companyPatterns: [(s, w, l) => `${w} ${s} ${l}`, (s, _w, l) => `${s} y Asociados ${l}`, (s, _w) => `Hermanos ${s}`, (_s, w, l) => `${w} del Sur ${l}`],
    phone: (r) =>
      r.pick([
        () => `+34 6${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)}`,
        () => `6${digits(r, 2)}-${digits(r, 3)}-${digits(r, 3)}`,
        () => `(91) ${digits(r, 3)} ${digits(r, 2)} ${digits(r, 2)}`,
        () => `0034 9${digits(r, 2)} ${digits(r, 3)} ${digits(r, 3)}`,
        () => `9${digits(r, 8)}`,
      ])(),
    domain: 'es',
    notes: [
      'Pide presupuesto antes de cada pedido; negociar el descuento.',
      'El gerente está de vacaciones en agosto.',
      'Cliente desde 2015, muy fiel. Llamar a Begoña para facturación.',
      'Interesados en la nueva línea de productos; enviar catálogo.',
      'Reclamación pendiente por envío dañado.',
    ],
    cooperation: ['distribución', 'logística', 'fabricación', 'servicios informáticos', 'asesoría'],
  },
  ru: {
    country: 'Россия',
    surnames: ['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Соколов', 'Лебедев', 'Козлов', 'Новиков', 'Морозов', 'Петров', 'Волков', 'Фёдоров', 'Ёлкин', 'Зайцев', 'Щербаков', 'Белоусов'],
    firstNames: ['Алексей', 'Мария', 'Дмитрий', 'Ольга', 'Сергей', 'Наталья', 'Юрий', 'Татьяна', 'Пётр', 'Елена', 'Андрей', 'Светлана'],
    words: ['Вектор', 'Стройсервис', 'Ромашка', 'Техноком', 'Альянс', 'Меридиан', 'Сибирь', 'Прогресс', 'Ёлочка', 'Гарант', 'Восход', 'Промснаб'],
    cities: ['Москва', 'Санкт-Петербург', 'Новосибирск', 'Екатеринбург', 'Казань', 'Нижний Новгород', 'Самара', 'Ростов-на-Дону', 'Уфа', 'Красноярск', 'Пермь', 'Воронеж', 'Тюмень', 'Орёл'],
    streets: ['ул. Ленина, д. {n}, кв. 12', 'пр-т Мира, {n}', 'Тверская ул., {n}, стр. 2', 'ул. Гагарина {n}, офис 305', 'наб. Фонтанки, д. {n}'],
    legalForms: ['ООО', 'АО', 'ЗАО', 'ИП'],
    companyPatterns: [(_s, w, l) => `${l} «${w}»`, (s, _w) => `ИП ${s} А. В.`, (_s, w, l) => `${l} "${w}-М"`, (s, w) => `${w} ${s} и партнёры`],
    phone: (r) =>
      r.pick([
        () => `8 (495) ${digits(r, 3)}-${digits(r, 2)}-${digits(r, 2)}`,
        () => `+7 9${digits(r, 2)} ${digits(r, 3)}-${digits(r, 2)}-${digits(r, 2)}`,
        () => `8-800-${digits(r, 3)}-${digits(r, 2)}-${digits(r, 2)}`,
        () => `+7(812)${digits(r, 7)}`,
        () => `89${digits(r, 9)}`,
      ])(),
    domain: 'ru',
    notes: [
      'Просили перезвонить после обеда, бухгалтерия до 17:00.',
      'Крупный клиент, скидка 5% на всё. Договор продлевать в декабре.',
      'Не отвечают на письма, звонить директору напрямую.',
      'Интересуются новой линейкой; отправить прайс-лист.',
      'Встречались на выставке, оставили визитку.',
    ],
    cooperation: ['дистрибуция', 'логистика', 'производство', 'ИТ-услуги', 'консалтинг'],
  },
};

/** The company's managers: a small team writing in all three languages. */
export const MANAGERS = ['Ana Popescu', 'Mihai Rădulescu', 'Ioana Mureșan', 'José Núñez', 'Lucía Peña', 'Álvaro Ibáñez', 'Сергей Волков', 'Ольга Фёдорова', 'Пётр Щербаков', 'Maria Ionescu'];

const INDUSTRIES = ['retail', 'construction', 'logistics', 'food', 'IT', 'manufacturing', 'agriculture', 'healthcare', 'tourism', 'energy'];
const GROUPS = ['North', 'South', 'Key accounts', 'Export', 'Wholesale', 'Retail chain'];
const TAGS = ['VIP', 'newsletter', 'fair-2024', 'late-payer', 'partner', 'tender'];
const LOCALE_WEIGHTS: [Locale, number][] = [
  ['ro', 0.4],
  ['es', 0.3],
  ['ru', 0.3],
];

/** Latin letters for Cyrillic and accented names in e-mail addresses and web sites. */
const TRANSLIT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p',
  р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** A lower-case ASCII slug of a name (for e-mail addresses and web sites). */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[а-яё]/g, (letter) => TRANSLIT[letter] ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '');
}

function pickLocale(random: Random): Locale {
  let roll = random.next();
  for (const [locale, weight] of LOCALE_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return locale;
  }
  return 'ro';
}

/** How Excel users really type: some values without accents or in capitals. */
function messy(random: Random, text: string): string {
  const roll = random.next();
  if (roll < 0.05) return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (roll < 0.08) return text.toUpperCase();
  return text;
}

function isoDate(random: Random, fromYear: number, years: number): string {
  const year = fromYear + random.int(years);
  const month = 1 + random.int(12);
  const day = 1 + random.int(28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Revenue in money units, cents included: many small clients, a few large ones. */
function revenue(random: Random): number {
  const value = Math.exp(7 + random.next() * 7);
  return Math.round(value * 100) / 100;
}

/** One organization as an Excel-era base holds it. */
export function generateOrganization(random: Random): GeneratedRecord {
  const locale = pickLocale(random);
  const data = LOCALES[locale];
  const surname = random.pick(data.surnames);
  const word = random.pick(data.words);
  const legal = random.pick(data.legalForms);
  const name = random.pick(data.companyPatterns)(surname, word, legal);
  const city = messy(random, random.pick(data.cities));
  const phones: KindedValue[] = [];
  const phoneCount = random.chance(0.9) ? 1 + random.int(3) : 0;
  for (let i = 0; i < phoneCount; i++) phones.push({ kind: i === 0 ? 'work' : random.pick(['mobile', 'work', 'fax', 'other']), value: data.phone(random) });
  const host = `${slug(word)}${slug(surname)}.${data.domain}`;
  const emails: KindedValue[] = [];
  if (random.chance(0.8)) emails.push({ kind: 'work', value: `${random.pick(['office', 'info', 'contact', slug(random.pick(data.firstNames))])}@${host}` });
  if (random.chance(0.2)) emails.push({ kind: 'other', value: `${slug(random.pick(data.firstNames))}.${slug(surname)}${random.int(100)}@gmail.com` });
  const contractStart = random.chance(0.6) ? isoDate(random, 2015, 10) : null;
  const record: GeneratedRecord = {
    name: messy(random, name),
    legalName: random.chance(0.5) ? `${name} (${city})` : null,
    taxId: random.chance(0.85) ? (locale === 'es' ? `B${digits(random, 8)}` : locale === 'ro' ? `RO${digits(random, 8)}` : digits(random, 10)) : null,
    industry: random.pick(INDUSTRIES),
    category: random.next() < 0.1 ? 'key' : random.next() < 0.7 ? 'regular' : 'one-off',
    group: random.pick(GROUPS),
    tags: TAGS.filter(() => random.chance(0.12)),
    manager: random.pick(MANAGERS),
    city,
    country: data.country,
    address: random.chance(0.8) ? random.pick(data.streets).replace('{n}', String(1 + random.int(250))) : null,
    phones,
    emails,
    website: random.chance(0.4) ? `https://www.${host}` : null,
    contractStart,
    contractEnd: contractStart && random.chance(0.8) ? isoDate(random, 2025, 4) : null,
    cooperation: random.chance(0.5) ? random.pick(data.cooperation) : null,
    revenue: random.chance(0.9) ? revenue(random) : null,
    notes: random.chance(0.6) ? [random.pick(data.notes), random.chance(0.3) ? random.pick(data.notes) : ''].join(' ').trim() : null,
  };
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (value === null || (Array.isArray(value) && value.length === 0)) delete record[key];
  }
  return record;
}

/** `count` organizations from `seed`: the same arguments always give the same list. */
export function generateOrganizations(count: number, seed: number): GeneratedRecord[] {
  const random = seededRandom(seed);
  const list: GeneratedRecord[] = [];
  for (let i = 0; i < count; i++) list.push(generateOrganization(random));
  return list;
}
