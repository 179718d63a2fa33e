/** Rules of the sections editor: names must be told apart, and one section must stay visible. */
import type { SectionDef } from '../schema/org-doc';
import type { SectionId } from '../schema/fields';
import { foldText } from '../search/normalize';

/** Whether a section may be hidden: at least one other section must stay in the navigation. */
export function canHideSection(sections: readonly Pick<SectionDef, 'id' | 'hidden'>[], sectionId: SectionId): boolean {
  return sections.some((section) => section.id !== sectionId && !section.hidden);
}

/**
 * Checks a new section name against the names the other sections show. An empty name is
 * allowed: it restores the default.
 */
export function checkSectionName(name: string, otherNames: readonly string[]): 'duplicateName' | null {
  const folded = foldText(name.trim());
  if (!folded) return null;
  return otherNames.some((other) => foldText(other.trim()) === folded) ? 'duplicateName' : null;
}
