/**
 * The transition table (DESIGN.md, "Transitions"): for each state and door
 * command, what the daemon does. Keeping it as data makes the whole contract
 * readable in one place; `zone-manager.ts` carries it out.
 */
import type { DoorCommand, ZoneEventName } from '../protocol/commands.js';
import type { ZoneState } from '../core/states.js';

/** One call into the platform. */
export type Step = 'ready' | 'boot' | 'halt' | 'mount' | 'unmount';

/** The "ok, already …" answers: success, with a message saying so. */
export type Already = 'ready' | 'booted' | 'halted' | 'unmounted';

export type Plan =
  | { kind: 'invalid' }
  | { kind: 'already'; already: Already }
  | { kind: 'uninstalling' }
  | {
      kind: 'run';
      steps: readonly Step[];
      /** Published when every step succeeded. */
      event: ZoneEventName;
      /**
       * Published when a step after the teardown failed; a failed teardown
       * publishes nothing, since the zone did not get anywhere.
       */
      failure?: ZoneEventName;
      /** A failed set-up must leave the zone installed, with nothing leaked. */
      rollback?: boolean;
    };

const invalid: Plan = { kind: 'invalid' };

function already(what: Already): Plan {
  return { kind: 'already', already: what };
}

function run(
  steps: readonly Step[],
  event: ZoneEventName,
  failure?: ZoneEventName,
): Plan {
  const rollback = steps.includes('boot');

  return failure
    ? { kind: 'run', steps, event, failure, rollback }
    : { kind: 'run', steps, event, rollback };
}

type Row = Record<DoorCommand, Plan>;

function row(cells: Partial<Row>): Row {
  return {
    ready: invalid,
    boot: invalid,
    reboot: invalid,
    halt: invalid,
    note_uninstalling: invalid,
    mount: invalid,
    unmount: invalid,
    ...cells,
  };
}

// Running, shutting down and down behave alike: the zone is set up and was
// booted, whether or not its init still runs.
const booted = row({
  ready: run(['halt', 'ready'], 'readied', 'halted'),
  boot: already('booted'),
  reboot: run(['halt', 'ready', 'boot'], 'rebooting', 'bootfailed'),
  halt: run(['halt'], 'halted'),
});

export const TABLE: Readonly<Record<ZoneState, Row>> = {
  configured: row({}),
  incomplete: row({}),
  installed: row({
    ready: run(['ready'], 'readied'),
    boot: run(['ready', 'boot'], 'booting', 'bootfailed'),
    halt: already('halted'),
    note_uninstalling: { kind: 'uninstalling' },
    mount: run(['mount'], 'readied'),
    unmount: already('unmounted'),
  }),
  ready: row({
    ready: already('ready'),
    boot: run(['boot'], 'booting', 'bootfailed'),
    halt: run(['halt'], 'halted'),
  }),
  mounted: row({ unmount: run(['unmount'], 'halted') }),
  running: booted,
  shutting_down: booted,
  down: booted,
};

export function planFor(state: ZoneState, command: DoorCommand): Plan {
  return TABLE[state][command];
}
