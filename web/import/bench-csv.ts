/**
 * The benchmark file, generated deterministically: N client rows with quoted fields,
 * line breaks inside notes, Cyrillic and diacritics, as an Excel-like UTF-8 CSV. Streamed in
 * chunks so a 1,000,000-row file never has to exist in memory.
 */
import type { ByteSource } from './source';

// Name parts, cities and companies in the mix a Romanian / Spanish / Russian client list has.
// Two given names and double surnames are common there, which is also what keeps name + city
// (a duplicate key) from repeating: ~2,000 first-name and ~4,000 last-name forms in 48 cities.
const FIRST = ['Ана', 'Ștefan', 'José', 'Jürgen', 'Ольга', 'Ioana', 'Pierre', 'Дмитрий', 'Zoë', 'Łukasz', 'María', 'Игорь', 'Andrei', 'Elena', 'Mihai', 'Cristina', 'Alexandru', 'Gabriela', 'Carmen', 'Javier', 'Lucía', 'Pablo', 'Марина', 'Сергей', 'Наталья', 'Алексей', 'Татьяна', 'Владимир', 'Irina', 'Bogdan', 'Raluca', 'Florin', 'Nuria', 'Íñigo', 'Àngels', 'Екатерина', 'Юлия', 'Никита', 'Oana', 'Radu', 'Sofía', 'Hugo', 'Laura', 'Daniel'];
const LAST = ['Popescu', 'Иванова', 'Ştefănescu', 'García', 'Núñez', 'Kowalski', 'Смирнов', "O'Brien", 'Dvořák', 'Lefèvre', 'Кузнецова', 'Ionescu', 'Dumitrescu', 'Stan', 'Munteanu', 'Constantin', 'Rodríguez', 'Martínez', 'López', 'Sánchez', 'Pérez', 'Gómez', 'Fernández', 'Петров', 'Соколова', 'Михайлов', 'Новикова', 'Фёдоров', 'Морозова', 'Волков', 'Lungu', 'Rusu', 'Moldovan', 'Ciobanu', 'Marín', 'Ruiz', 'Díaz', 'Álvarez', 'Васильев', 'Зайцева', 'Павлов', 'Семёнова', 'Chiriac', 'Barbu', 'Ortega', 'Delgado', 'Тарасов', 'Белова', 'Mureșan', 'Oprea', 'Castro', 'Vidal', 'Комаров', 'Орлова', 'Nistor', 'Toma', 'Iglesias', 'Santos', 'Киселёв', 'Макарова', 'Pop', 'Sima', 'Gil', 'Serrano'];
const CITIES = ['Iași', 'Москва', 'Málaga', 'Cluj-Napoca', 'Санкт-Петербург', 'München', 'Timișoara', 'Sevilla', 'București', 'Constanța', 'Brașov', 'Craiova', 'Galați', 'Ploiești', 'Oradea', 'Sibiu', 'Bacău', 'Arad', 'Pitești', 'Suceava', 'Madrid', 'Barcelona', 'Valencia', 'Zaragoza', 'Bilbao', 'Alicante', 'Córdoba', 'Valladolid', 'Vigo', 'Gijón', 'Новосибирск', 'Екатеринбург', 'Казань', 'Нижний Новгород', 'Челябинск', 'Самара', 'Омск', 'Ростов-на-Дону', 'Уфа', 'Красноярск', 'Воронеж', 'Пермь', 'Chișinău', 'Bălți', 'Wien', 'Graz', 'Lyon', 'Marseille'];
const COMPANIES = ['Acme SRL', 'ООО «Ромашка»', 'Café "Le Nord", SA', 'Ştefănescu & Fiii', 'Gómez y Cía', 'ЗАО Вектор', 'Transilvania Construct SRL', 'Hermanos Ruiz SL', 'ИП Петров', 'Delta Logistic SA', 'Panadería La Espiga', 'ООО «Север-Трейд»'];
const DOMAINS = ['example.com', 'mail.example.ro', 'correo.example.es', 'почта.example.ru', 'example.md'];

/** Share of rows that repeat an earlier client (the same phone), as real lists do now and then. */
const REPEAT_SHARE = 0.004;

/** A mobile number unique to row `index` (a bijection of the index below 10^8), so only deliberate repeats collide. */
function phoneOf(index: number): string {
  const scrambled = (index * 48_271 + 1_234_567) % 100_000_000;
  return `+40 7${String(scrambled).padStart(8, '0')}`;
}

/** The header of the benchmark file. */
export const BENCH_HEADER = 'First Name,Last Name,Company,Phone,E-mail,City,Birthday,Revenue,Notes';

/** A small seeded generator (mulberry32): the same seed gives the same file. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One data row (without the line break) of row number `index`. */
export function benchRow(index: number, random: () => number): string {
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  const first = random() < 0.8 ? `${pick(FIRST)} ${pick(FIRST)}` : pick(FIRST);
  const last = random() < 0.9 ? `${pick(LAST)}-${pick(LAST)}` : pick(LAST);
  const repeats = index > 0 && random() < REPEAT_SHARE;
  const phone = phoneOf(repeats ? Math.floor(random() * index) : index);
  const email = `client${index}@${pick(DOMAINS)}`;
  const day = 1 + Math.floor(random() * 28);
  const month = 1 + Math.floor(random() * 12);
  const birthday = `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${1950 + Math.floor(random() * 50)}`;
  const revenue = (random() * 100000).toFixed(2);
  const notes = random() < 0.3 ? `Звонок ${index}\nRevenire: „da”, said "maybe"` : `Client #${index}`;
  return [first, last, pick(COMPANIES), phone, email, pick(CITIES), birthday, revenue, notes].map(quote).join(',');
}

/** The benchmark CSV of `rows` rows as UTF-8 chunks of about `chunkRows` rows each (CRLF, like Excel). */
export function* benchCsvChunks(rows: number, seed = 42, chunkRows = 10_000): Generator<Uint8Array> {
  const random = seededRandom(seed);
  const encoder = new TextEncoder();
  yield encoder.encode(`${BENCH_HEADER}\r\n`);
  for (let start = 0; start < rows; start += chunkRows) {
    const lines: string[] = [];
    for (let index = start; index < Math.min(rows, start + chunkRows); index++) lines.push(benchRow(index, random));
    yield encoder.encode(`${lines.join('\r\n')}\r\n`);
  }
}

/** The benchmark file generated once into memory chunks (the generator is not what is measured). */
export function benchSource(rows: number, seed = 42): ByteSource {
  const chunks = [...benchCsvChunks(rows, seed)];
  const size = chunks.reduce((total, chunk) => total + chunk.length, 0);
  return {
    name: `bench-${rows}.csv`,
    size,
    head: async (length) => {
      const head = new Uint8Array(Math.min(length, size));
      let offset = 0;
      for (const chunk of chunks) {
        if (offset >= head.length) break;
        head.set(chunk.subarray(0, head.length - offset), offset);
        offset += Math.min(chunk.length, head.length - offset);
      }
      return head;
    },
    chunks: async function* () {
      yield* chunks;
    },
    bytes: () => Promise.reject(new Error('the benchmark file is only streamed')),
  };
}
