/**
 * "Log this call?": clicking a phone link still dials (the link's own action is never stopped);
 * the app remembers which client was called so the card offers to log the call. A phone link in
 * a card offers it in that card; one in the table opens the client's card with the offer.
 * The record a link belongs to is read from the nearest `data-record-id` (the card dialog, a
 * table row), so any list that marks its rows gets the offer without code of its own; outside a
 * section's table the holder also says `data-record-section` (`orgs` / `people`).
 */
import { createSignal, type Accessor } from 'solid-js';
import { navigate, route } from '../../app/route';

/** A call the user just started from a phone link. */
export interface CallOffer {
  recordId: string;
  /** The number as the link dials it (`+40722000111`). */
  phone: string;
}

const [offer, setOffer] = createSignal<CallOffer | null>(null);

/** The call waiting to be logged, if any (reactive). */
export const callOffer: Accessor<CallOffer | null> = offer;

/** Offers to log a call to `phone` on the card of `recordId`. */
export function offerCallLog(recordId: string, phone: string): void {
  setOffer({ recordId, phone });
}

/** Forgets the offer (logged, or declined). */
export function dismissCallOffer(): void {
  setOffer(null);
}

/** The number a `tel:` href dials, or null for any other href. */
export function phoneOfHref(href: string | null): string | null {
  if (!href || !/^tel:/i.test(href)) return null;
  try {
    return decodeURIComponent(href.slice(4)) || null;
  } catch {
    return href.slice(4) || null;
  }
}

/** Where a clicked phone link sits: the record it belongs to and whether that is an open card. */
export interface PhoneLinkPlace {
  recordId: string;
  /** The holder's `data-record-section`, when it says (lists other than a section's table, e.g. Today). */
  section?: string;
  inCard: boolean;
  phone: string;
}

/** The place of a click on `target` when it is on a phone link inside a record's card or row; else null. */
export function phoneLinkPlace(target: Element | null): PhoneLinkPlace | null {
  const link = target?.closest('a[href]') ?? null;
  const phone = phoneOfHref(link?.getAttribute('href') ?? null);
  if (!link || !phone) return null;
  const holder = link.closest<HTMLElement>('[data-record-id]');
  const recordId = holder?.dataset.recordId;
  if (!holder || !recordId || recordId === 'new') return null;
  return { recordId, section: holder.dataset.recordSection, inCard: holder.getAttribute('role') === 'dialog', phone };
}

let watching = false;

/** Opens the card of a record whose phone link was clicked in a list, when such records have a timeline. */
function openCardFromList(place: PhoneLinkPlace): boolean {
  const current = route();
  const section = place.section ?? (current.page === 'section' ? current.section : null);
  if (section !== 'orgs' && section !== 'people') return false;
  navigate({ page: 'section', section, recordId: place.recordId });
  return true;
}

/**
 * Starts offering to log calls for phone links clicked anywhere in the page (once; later calls
 * do nothing). A link outside a card opens its record's card, if that record has a timeline.
 */
export function watchPhoneLinks(openCard: (place: PhoneLinkPlace) => boolean = openCardFromList): void {
  if (watching || typeof document === 'undefined') return;
  watching = true;
  // Capture phase: list cells stop their links' clicks from reaching the row.
  document.addEventListener(
    'click',
    (event) => {
      if (event.button !== 0) return;
      const place = phoneLinkPlace(event.target instanceof Element ? event.target : null);
      if (!place) return;
      if (place.inCard) return offerCallLog(place.recordId, place.phone);
      // After the click: the link dials first, then the card opens over the list.
      setTimeout(() => {
        if (openCard(place)) offerCallLog(place.recordId, place.phone);
      }, 0);
    },
    true,
  );
}
