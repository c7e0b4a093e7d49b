/**
 * The docked console pane: where it sits, how large it is, who has the
 * keyboard, and what happens when its console goes away. The consoles
 * themselves stay in the pool, attached in the background.
 */
import { uiErrors } from '../../src/core/errors/ui.js';
import { splitAtDetach } from '../console/detach-key.js';
import type { Controller } from './controller.js';
import { errorNote, infoNote } from './notes.js';

export class ConsoleDock {
  constructor(private readonly ui: Controller) {}

  /**
   * Raw keyboard input while the console has the keyboard: every byte goes
   * to the zone unchanged, except the detach key.
   */
  input(chunk: string): void {
    const state = this.ui.state;
    if (state.focus !== 'console' || state.dialog || !state.docked) {
      return;
    }

    const { before, detached } = splitAtDetach(chunk, this.ui.detachSequence);
    if (before !== '') {
      this.ui.pool.get(state.docked)?.write(before);
    }
    if (detached) {
      this.ui.focusSoon('table');
    }
  }

  /** Makes the docked console as large as its pane. */
  fit(): void {
    const { docked } = this.ui.state;
    const size = this.ui.layout().console;

    if (docked && size) {
      this.ui.pool.get(docked)?.resize(size.cols, size.rows);
    }
  }

  /** Gives the keyboard to the docked console, if there is one. */
  focus(): void {
    const { docked } = this.ui.state;

    if (docked && this.ui.pool.get(docked)) {
      this.ui.focusSoon('console');
    } else {
      this.ui.note(infoNote('ui:console.noneDocked'));
    }
  }

  /** Below the table, or beside it; remembered for the next start. */
  toggleOrientation(): void {
    const orientation =
      this.ui.state.orientation === 'below' ? 'beside' : 'below';

    this.ui.store.set({ orientation });
    this.fit();
    void this.ui.savePrefs({ orientation });
  }

  /** Lets the zone's console go (or the docked one's, if it has none). */
  detach(zone: string): void {
    const { docked } = this.ui.state;
    const target = this.ui.pool.get(zone) ? zone : docked;

    if (!target || !this.ui.pool.get(target)) {
      this.ui.note(errorNote(uiErrors.noConsole(zone), zone));
      return;
    }

    this.ui.pool.detach(target);
    if (target === docked) {
      this.ui.store.set({ docked: undefined, focus: 'table' });
    }
    this.ui.note(infoNote('ui:console.detached', { zone: target }));
  }

  /** A console ended under us: the zone halted, or its daemon said why. */
  closed(zone: string, reason?: string): void {
    const state = this.ui.state;
    if (state.docked === zone && state.focus === 'console') {
      this.ui.focusSoon('table');
    }

    this.ui.note({
      tone: 'info',
      zone,
      text: reason
        ? { key: 'ui:console.closed', params: { zone, reason } }
        : { key: 'ui:console.ended', params: { zone } },
    });
  }
}
