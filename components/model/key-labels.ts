/** How a key's name is written for the operator in hints and help. */
const LABELS: Record<string, string> = {
  enter: 'Enter',
  escape: 'Esc',
  tab: 'Tab',
  'shift-tab': 'Shift-Tab',
  space: 'Space',
  backspace: 'Backspace',
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  pageup: 'PgUp',
  pagedown: 'PgDn',
  home: 'Home',
  end: 'End',
};

export function keyLabel(name: string): string {
  const known = LABELS[name];
  if (known) {
    return known;
  }

  const ctrl = /^ctrl-(.)$/.exec(name);
  return ctrl ? `Ctrl-${(ctrl[1] ?? '').toUpperCase()}` : name;
}
