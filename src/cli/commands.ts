import type { CommandSpec } from './command.js';

// The door's transitions share one implementation; boot and reboot also
// take boot arguments after `--`.
function transition(name: string): CommandSpec {
  return {
    name,
    args: ['zone'],
    min: 1,
    max: 1,
    load: () => import('./commands/transition.js'),
  };
}

/** Every verb of the command line, in the order `--help` lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'list',
    flags: [
      { name: 'configured', short: 'c' },
      { name: 'installed', short: 'i' },
      { name: 'verbose', short: 'v' },
    ],
    args: [],
    min: 0,
    max: 0,
    load: () => import('./commands/list.js'),
  },
  {
    name: 'create',
    args: ['zone', 'key=value...'],
    min: 1,
    load: () => import('./commands/create.js'),
  },
  {
    name: 'set',
    args: ['zone', 'key=value...'],
    min: 2,
    load: () => import('./commands/set.js'),
  },
  {
    name: 'info',
    args: ['zone'],
    min: 1,
    max: 1,
    load: () => import('./commands/info.js'),
  },
  {
    name: 'delete',
    args: ['zone'],
    min: 1,
    max: 1,
    load: () => import('./commands/delete.js'),
  },
  {
    name: 'install',
    args: ['zone'],
    min: 1,
    max: 1,
    load: () => import('./commands/install.js'),
  },
  {
    name: 'uninstall',
    args: ['zone'],
    min: 1,
    max: 1,
    load: () => import('./commands/uninstall.js'),
  },
  ...['ready', 'boot', 'reboot', 'halt', 'mount', 'unmount'].map(transition),
  {
    name: 'console',
    flags: [
      { name: 'read-only', short: 'R' },
      { name: 'escape', short: 'e', value: true },
      { name: 'no-escape', short: 'E' },
      { name: 'detach-on-halt', short: 'd' },
      { name: 'show-log' },
    ],
    args: ['zone'],
    min: 1,
    max: 1,
    load: () => import('./commands/console.js'),
  },
  {
    name: 'events',
    args: ['zone...'],
    min: 0,
    load: () => import('./commands/events.js'),
  },
  {
    name: 'wait',
    flags: [{ name: 'timeout', short: 't', value: true }],
    args: ['zone', 'state'],
    min: 2,
    max: 2,
    load: () => import('./commands/wait.js'),
  },
  {
    name: 'tui',
    args: [],
    min: 0,
    max: 0,
    load: () => import('./commands/tui.js'),
  },
  {
    name: 'daemon',
    flags: [{ name: 'zone', short: 'z', value: true }],
    args: [],
    min: 0,
    max: 0,
    load: () => import('./commands/daemon.js'),
  },
];

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}
