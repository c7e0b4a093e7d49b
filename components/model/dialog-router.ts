/**
 * Keys while a dialog is open, or while the filter is being typed. Each
 * dialog takes its own keys and closes on Esc; none lets a key through to
 * the table behind it.
 */
import { ref } from '../../src/core/errors/zone-error.js';
import { LANGUAGES } from '../../src/core/language.js';
import type { Controller } from './controller.js';
import { createFormKey, editText, emptyForm } from './dialog-keys.js';
import type { KeyPress } from './keys.js';
import { infoNote } from './notes.js';
import type { Operations } from './operations.js';
import type { Dialog } from './ui-state.js';

export class DialogKeys {
  constructor(
    private readonly ui: Controller,
    private readonly ops: Operations,
  ) {}

  openLanguage(): void {
    const index = LANGUAGES.indexOf(this.ui.state.language);

    this.ui.store.set({ dialog: { kind: 'language', index } });
  }

  openCreate(): void {
    this.ui.store.set({ dialog: { kind: 'create', form: emptyForm() } });
  }

  /** Typing into the filter: Enter keeps it, Esc clears it. */
  filterKey(press: KeyPress): void {
    if (press.name === 'enter') {
      this.ui.store.set({ filtering: false });
    } else if (press.name === 'escape') {
      this.ui.store.set({ filtering: false, filter: '' });
    } else {
      const filter = editText(this.ui.state.filter, press);
      if (filter !== undefined) {
        this.ui.store.set({ filter });
      }
    }
  }

  key(dialog: Dialog, press: KeyPress): void {
    switch (dialog.kind) {
      case 'help':
        if (['escape', '?', 'q', 'enter'].includes(press.name)) {
          this.close();
        }
        return;
      case 'quit':
        if (this.isYes(press) || press.name === 'ctrl-c') {
          this.close();
          this.ui.quitNow();
        } else {
          this.close();
        }
        return;
      case 'confirm':
        this.close();
        if (this.isYes(press)) {
          void this.ops.door(dialog.command, dialog.zone);
        } else {
          this.cancelled(dialog.command, dialog.zone);
        }
        return;
      case 'remove':
        this.removeKey(dialog, press);
        return;
      case 'create':
        this.createKey(dialog, press);
        return;
      case 'language':
        this.languageKey(dialog, press);
        return;
    }
  }

  /** y, or the yes key of the current language (j in German, o in French). */
  private isYes(press: KeyPress): boolean {
    const local = this.ui.t('ui:confirm.yesKey');

    return [local, local.toUpperCase(), 'y', 'Y'].includes(press.name);
  }

  private close(): void {
    this.ui.store.set({ dialog: undefined });
  }

  private cancelled(command: string, zone: string): void {
    this.ui.note(
      infoNote('ui:confirm.cancelled', {
        zone,
        command: ref(`ui:command.${command}`),
      }),
    );
  }

  private removeKey(
    dialog: Extract<Dialog, { kind: 'remove' }>,
    press: KeyPress,
  ): void {
    if (press.name === 'escape') {
      this.close();
      this.cancelled(dialog.removal, dialog.zone);
      return;
    }

    if (press.name === 'enter') {
      if (dialog.typed === dialog.zone) {
        this.close();
        void this.ops.remove(dialog.removal, dialog.zone);
      } else {
        this.ui.store.set({ dialog: { ...dialog, mismatch: true } });
      }
      return;
    }

    const typed = editText(dialog.typed, press);
    if (typed !== undefined) {
      this.ui.store.set({ dialog: { ...dialog, typed, mismatch: false } });
    }
  }

  private createKey(
    dialog: Extract<Dialog, { kind: 'create' }>,
    press: KeyPress,
  ): void {
    if (dialog.form.busy) {
      return;
    }

    const outcome = createFormKey(dialog.form, press);

    if (outcome.kind === 'cancel') {
      this.close();
    } else if (outcome.kind === 'edit') {
      this.ui.store.set({ dialog: { kind: 'create', form: outcome.form } });
    } else {
      // The form stays up, marked busy, until the zone exists or fails.
      this.ui.store.set({
        dialog: { kind: 'create', form: { ...outcome.form, busy: true } },
      });
      void this.ops.create(outcome.form).then((failed) => {
        this.ui.store.set({
          dialog: failed ? { kind: 'create', form: failed } : undefined,
        });
      });
    }
  }

  private languageKey(
    dialog: Extract<Dialog, { kind: 'language' }>,
    press: KeyPress,
  ): void {
    const count = LANGUAGES.length;

    if (press.name === 'escape' || press.name === 'L') {
      this.close();
    } else if (press.name === 'down' || press.name === 'j') {
      this.ui.store.set({
        dialog: { kind: 'language', index: (dialog.index + 1) % count },
      });
    } else if (press.name === 'up' || press.name === 'k') {
      this.ui.store.set({
        dialog: { kind: 'language', index: (dialog.index + count - 1) % count },
      });
    } else if (press.name === 'enter') {
      const language = LANGUAGES[dialog.index];
      if (language) {
        void this.ui.setLanguage(language);
      }
    }
  }
}
