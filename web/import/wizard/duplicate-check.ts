/**
 * Before the import: which records of the file match one in the base or an earlier one in the
 * file, by the same keys the import uses (duplicate-keys.ts), so the user chooses create / skip /
 * merge knowing how many and which. Records are streamed (from the worker); only matches are kept.
 */
import { displayName, type DuplicateReason } from '../../duplicates/find-duplicates';
import type { Row } from '../../engine/rows';
import type { SectionId } from '../../schema/fields';
import { DuplicateIndex, duplicateKeys, indexBase } from '../duplicate-keys';
import type { ImportRecord } from '../import-record';

/** One record of the file that matches. */
export interface DuplicateListItem {
  line: number;
  name: string;
  /** The existing record it matches, with its name. */
  existingId?: string;
  existingName?: string;
  /** The earlier line of the file it matches. */
  earlierLine?: number;
  reasons: DuplicateReason[];
}

/** The matches of a whole file. */
export interface DuplicateSummary {
  /** Records read (those with problems included). */
  records: number;
  inBase: number;
  inFile: number;
  /** The first LIST_LIMIT matches. */
  list: DuplicateListItem[];
}

/** Matches listed one by one; beyond that they are counted. */
export const LIST_LIMIT = 200;

/** Counts and lists the file's duplicates against the base's rows and within the file. */
export async function checkDuplicates(batches: AsyncIterable<ImportRecord[]>, rows: ReadonlyMap<string, Row>): Promise<DuplicateSummary> {
  const summary: DuplicateSummary = { records: 0, inBase: 0, inFile: 0, list: [] };
  const baseIndexes = new Map<SectionId, DuplicateIndex<string>>();
  const fileIndexes = new Map<SectionId, DuplicateIndex<number>>();
  for await (const records of batches) {
    for (const record of records) {
      summary.records++;
      if (record.problem) continue;
      const section = record.section;
      const keys = record.keys ?? duplicateKeys(section, record.values);
      if (keys.length === 0) continue;
      let baseIndex = baseIndexes.get(section);
      if (!baseIndex) baseIndexes.set(section, (baseIndex = indexBase(rows.values(), section)));
      let fileIndex = fileIndexes.get(section);
      if (!fileIndex) fileIndexes.set(section, (fileIndex = new DuplicateIndex<number>()));
      const inBase = baseIndex.match(keys)[0];
      const inFile = inBase ? undefined : fileIndex.match(keys)[0];
      fileIndex.add(keys, record.line);
      if (!inBase && !inFile) continue;
      if (inBase) summary.inBase++;
      else summary.inFile++;
      if (summary.list.length >= LIST_LIMIT) continue;
      const existing = inBase ? rows.get(inBase.owner) : undefined;
      summary.list.push({
        line: record.line,
        name: displayName(section, record.values),
        reasons: (inBase ?? inFile)!.reasons,
        ...(inBase ? { existingId: inBase.owner, existingName: existing ? displayName(existing.section, existing.v) : '' } : { earlierLine: inFile!.owner }),
      });
    }
  }
  return summary;
}
