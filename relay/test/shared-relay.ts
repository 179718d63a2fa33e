/** One relay process and team for a whole test file (vitest hooks; the benches use harness.ts alone). */
import { afterAll, beforeAll } from 'vitest';
import { makeTeam, removeTempDataDirs, startRelay, type Client, type RelayProcess, type TestTeam } from './harness';

/** The file's relay and team (set before its first test) and the clients to close after its last. */
export interface SharedRelay {
  relay: RelayProcess;
  team: TestTeam;
  clients: Client[];
}

/** Starts a relay with a team before the file's tests and stops it, its clients and its data folders after. */
export function sharedRelay(): SharedRelay {
  const shared = { clients: [] } as unknown as SharedRelay;
  beforeAll(async () => {
    shared.relay = await startRelay();
    shared.team = await makeTeam(shared.relay);
  }, 60_000);
  afterAll(async () => {
    for (const client of shared.clients) client.destroy();
    await shared.relay?.stop();
    removeTempDataDirs();
  });
  return shared;
}
