/**
 * What a column header means, in English, Spanish, Romanian, Russian and German, plus the
 * wording of Google, Outlook and Thunderbird exports. Headers are compared folded (case and
 * accents ignored, punctuation as spaces), so "Teléfono", "TELEFON" and "telefon" all match.
 */
import type { SectionId } from '../schema/fields';
import { foldText } from '../search/normalize';
import type { ColumnTarget } from './column-target';

/** Folds a header for comparison: lower case, no accents, words separated by single spaces. */
export function foldHeader(header: string): string {
  return foldText(header).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

interface Rule {
  /** Folded headers that match exactly. */
  exact?: string[];
  /** Folded words or phrases that match when the header contains them. */
  contains?: string[];
  target: (section: SectionId, folded: string) => ColumnTarget | null;
}

const field = (name: string, entryKind?: string): ColumnTarget => ({ kind: 'field', field: name, ...(entryKind ? { entryKind } : {}) });

/** Kind of a phone from words in its header ("Mobile Phone", "Telefon geschäftlich", "Факс"). */
export function phoneKindFromText(folded: string): string | undefined {
  if (/(mobil|cell|handy|movil|celular|сотов|моб)/.test(folded)) return 'mobile';
  if (/(fax|факс)/.test(folded)) return 'fax';
  if (/(business|work|office|company|geschaft|buro|trabajo|oficina|serviciu|birou|рабоч|служеб)/.test(folded)) return 'work';
  if (/(home|privat|casa|domicilio|acasa|домаш)/.test(folded)) return 'home';
  if (/(pager|other|andere|otro|alt|друг)/.test(folded)) return 'other';
  return undefined;
}

/** Kind of an e-mail address from words in its header. */
export function emailKindFromText(folded: string): string | undefined {
  if (/(business|work|office|geschaft|trabajo|serviciu|рабоч)/.test(folded)) return 'work';
  if (/(home|privat|personal|casa|personal|acasa|личн|домаш)/.test(folded)) return 'home';
  if (/(other|secondary|andere|otro|alt|друг)/.test(folded)) return 'other';
  return undefined;
}

const PERSON_ONLY = (target: ColumnTarget) => (section: SectionId) => (section === 'people' ? target : null);
const ORG_ONLY = (target: ColumnTarget) => (section: SectionId) => (section === 'orgs' ? target : null);

// Order matters: the first rule that matches wins (specific before general).
const RULES: Rule[] = [
  { exact: ['e mail display name', 'e mail type', 'e mail 2 type', 'e mail 3 type', 'e mail 2 display name', 'e mail 3 display name'], target: () => ({ kind: 'skip', reason: 'duplicate' }) },
  { exact: ['name vorname', 'vorname name', 'full name', 'display name', 'contact name', 'contact', 'nombre completo', 'nombre y apellidos', 'nume complet', 'nume si prenume', 'фио', 'ф и о', 'полное имя', 'имя фамилия', 'фамилия имя отчество', 'vollstandiger name', 'anzeigename', 'kontakt', 'контакт'], target: (section) => (section === 'people' ? { kind: 'fullName' } : field('name')) },
  { exact: ['first name', 'firstname', 'first', 'given name', 'given', 'forename', 'vorname', 'nombre', 'nombre de pila', 'prenume', 'prenumele', 'имя', 'first name yomi'], target: PERSON_ONLY(field('firstName')) },
  { exact: ['middle name', 'middlename', 'middle', 'additional name', 'second name', 'отчество', 'segundo nombre', 'zweiter vorname', 'al doilea prenume', 'patronymic'], target: PERSON_ONLY({ kind: 'middleName' }) },
  { exact: ['last name', 'lastname', 'last', 'family name', 'surname', 'nachname', 'familienname', 'apellido', 'apellidos', 'nume', 'nume de familie', 'фамилия'], target: PERSON_ONLY(field('lastName')) },
  { exact: ['job title', 'position', 'job', 'role', 'occupation', 'organization 1 title', 'organization title', 'cargo', 'puesto', 'funcion', 'functie', 'functia', 'post', 'pozitie', 'должность', 'позиция', 'beruf', 'stellung', 'berufsbezeichnung', 'jobtitel', 'position im unternehmen'], target: PERSON_ONLY(field('position')) },
  { exact: ['company', 'organization', 'organisation', 'organization 1 name', 'organization name', 'company name', 'firma', 'firmenname', 'unternehmen', 'empresa', 'compania', 'companie', 'organizatie', 'societate', 'организация', 'компания', 'фирма', 'предприятие', 'name der firma'], target: (section) => (section === 'people' ? { kind: 'orgName' } : field('name')) },
  { exact: ['name', 'nombre comercial', 'denumire', 'название', 'наименование', 'bezeichnung', 'organization 1 name'], target: (section) => (section === 'people' ? { kind: 'fullName' } : field('name')) },
  { exact: ['legal name', 'razon social', 'denumire legala', 'denumire completa', 'полное наименование', 'юридическое название', 'firmierung', 'rechtlicher name'], target: ORG_ONLY(field('legalName')) },
  { exact: ['tax id', 'taxid', 'tax number', 'vat', 'vat number', 'vat id', 'nif', 'cif', 'cui', 'cod fiscal', 'cod unic de inregistrare', 'инн', 'steuernummer', 'ust idnr', 'ust id', 'umsatzsteuer id', 'nif cif'], target: ORG_ONLY(field('taxId')) },
  { exact: ['industry', 'branche', 'sector', 'industria', 'industrie', 'domeniu', 'отрасль', 'сфера деятельности'], target: ORG_ONLY(field('industry')) },
  { exact: ['revenue', 'turnover', 'umsatz', 'ingresos', 'facturacion', 'cifra de afaceri', 'выручка', 'оборот'], target: ORG_ONLY(field('revenue')) },
  { exact: ['manager', 'account manager', 'responsible', 'ответственный', 'менеджер', 'responsable', 'responsabil', 'betreuer', 'verantwortlich'], target: ORG_ONLY(field('manager')) },
  { exact: ['birthday', 'birth date', 'birthdate', 'date of birth', 'dob', 'geburtstag', 'geburtsdatum', 'fecha de nacimiento', 'cumpleanos', 'data nasterii', 'ziua de nastere', 'день рождения', 'дата рождения', 'geburtsdatum des mitarbeiters'], target: PERSON_ONLY(field('birthday')) },
  { exact: ['notes', 'note', 'comments', 'comment', 'remarks', 'description', 'notizen', 'notiz', 'bemerkung', 'bemerkungen', 'kommentar', 'notas', 'nota', 'observaciones', 'comentarios', 'notite', 'observatii', 'comentarii', 'мнение', 'комментарий', 'комментарии', 'примечание', 'примечания', 'заметки', 'описание'], target: (section) => field(section === 'orgs' || section === 'people' ? 'notes' : 'text') },
  { exact: ['categories', 'category', 'group membership', 'labels', 'tags', 'tag', 'groups', 'kategorie', 'kategorien', 'gruppe', 'etiquetas', 'categorias', 'etichete', 'categorii', 'grupuri', 'теги', 'метки', 'категории', 'группа', 'группы'], target: () => field('tags') },
  { exact: ['website', 'web site', 'web page', 'web page 1', 'url', 'homepage', 'home page', 'website 1 value', 'website work', 'business web page', 'sitio web', 'pagina web', 'webseite', 'site', 'site web', 'сайт', 'веб сайт'], target: ORG_ONLY(field('website')) },
  { exact: ['country', 'land', 'pais', 'tara', 'страна', 'country region', 'business country region'], target: ORG_ONLY(field('country')) },
  { contains: ['e mail', 'email', 'mail', 'correo', 'почта', 'емейл', 'имейл'], target: (_section, folded) => (/(type|label|display)/.test(folded) ? null : field('emails', emailKindFromText(folded) ?? (/(primary|1)/.test(folded) ? 'work' : 'other'))) },
  { contains: ['phone', 'telephone', 'tel', 'mobile', 'mobil', 'cell', 'handy', 'fax', 'pager', 'telefono', 'movil', 'celular', 'telefon', 'телефон', 'мобильный', 'сотовый', 'факс', 'тел'], target: (_section, folded) => (/(type|label)/.test(folded) ? null : field('phones', phoneKindFromText(folded) ?? 'other')) },
  { contains: ['city', 'town', 'ort', 'stadt', 'ciudad', 'localidad', 'oras', 'localitate', 'город', 'населенный пункт'], target: () => field('city') },
  { contains: ['address formatted', 'address', 'street', 'adresse', 'strasse', 'anschrift', 'direccion', 'calle', 'adresa', 'strada', 'адрес', 'улица'], target: (section, folded) => (section === 'orgs' ? field('address') : /(business|work|geschaft|trabajo|рабоч)/.test(folded) ? null : field('homeAddress')) },
];

/** The target a header suggests for records of `section`, or null when it means nothing known. */
export function targetFromHeader(header: string, section: SectionId): ColumnTarget | null {
  const folded = foldHeader(header);
  if (!folded) return null;
  for (const rule of RULES) {
    const matches = rule.exact?.includes(folded) || rule.contains?.some((word) => new RegExp(`(^| )${word}( |$)`).test(folded) || (word.length > 4 && folded.includes(word)));
    if (!matches) continue;
    const target = rule.target(section, folded);
    if (target) return target;
  }
  return null;
}

const PERSON_NAME_HEADERS = new Set(['name vorname', 'vorname name', 'full name', 'display name', 'contact name', 'nombre completo', 'nombre y apellidos', 'nume complet', 'nume si prenume', 'фио', 'ф и о', 'полное имя', 'имя фамилия', 'фамилия имя отчество', 'vollstandiger name', 'anzeigename']);
const ORG_SIGNALS = new Set(['legalName', 'taxId', 'industry', 'revenue', 'website', 'country', 'manager']);

/**
 * Whether the rows are people rather than organizations: a first, last, middle or person's
 * full-name column says people; without one, an organization-only column (tax id, industry,
 * website...) or a company column says organizations; a list that says neither is people.
 */
export function headersNamePeople(headers: string[]): boolean {
  let orgSignals = 0;
  for (const header of headers) {
    const folded = foldHeader(header);
    const target = targetFromHeader(header, 'people');
    if (PERSON_NAME_HEADERS.has(folded)) return true;
    if (target && (target.kind === 'middleName' || (target.kind === 'field' && (target.field === 'firstName' || target.field === 'lastName')))) return true;
    const asOrg = targetFromHeader(header, 'orgs');
    if (asOrg?.kind === 'field' && (ORG_SIGNALS.has(asOrg.field) || asOrg.field === 'name')) orgSignals++;
  }
  return orgSignals === 0;
}
