/** The new device of the fresh-join bench, in a process of its own: prints its JoinResult as one JSON line. */
import { joinInThisProcess, type JoinRequest } from './relay-join';

joinInThisProcess(JSON.parse(process.argv[2]) as JoinRequest).then(
  (result) => {
    process.stdout.write(JSON.stringify(result) + '\n');
    // Destroyed providers may leave reconnect timers behind: the result is out, stop here.
    process.exit(0);
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
