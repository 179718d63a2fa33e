/** Romanian messages (same keys as en.ts). */
import type { Messages } from './en';

export const ro: Messages = {
  // ---- app shell ----
  'app.name': 'Clientela',
  'app.loading': 'Se deschide baza de clienți…',
  'app.openFailed': 'Baza nu a putut fi deschisă: {message}',
  'app.undo': 'Anulează',
  'app.redo': 'Refă',
  'app.settings': 'Setări',
  'app.sections': 'Secțiuni',
  'app.offline': 'Offline: tot ce faceți se salvează pe acest dispozitiv.',
  'app.updateReady': 'O versiune nouă este gata.',
  'app.reload': 'Reîncarcă',
  'app.persistDenied': 'Acest browser nu a promis că păstrează baza: o poate șterge când spațiul pe disc se termină. Instalați aplicația sau permiteți stocarea persistentă pentru a o proteja.',
  'app.quotaFull': 'Spațiul oferit de browser acestei aplicații este plin: ultima modificare nu este încă salvată. Eliberați spațiu sau exportați o copie de rezervă; nimic din ce era salvat nu se pierde.',
  'app.writeFailed': 'Salvarea a eșuat: {message}. Modificarea este păstrată în memorie și se reîncearcă.',
  'app.dismiss': 'Închide',

  // ---- sections and fields (built-in labels) ----
  'section.orgs': 'Organizații',
  'section.people': 'Contacte',
  'section.notes': 'Note',
  'section.links': 'Linkuri',

  // ---- search ----
  // @search-keys-end

  // ---- table ----
  // @table-keys-end

  // ---- card ----
  // @card-keys-end

  // ---- settings ----
  // @settings-keys-end

  // ---- backup ----
  // @backup-keys-end
};
