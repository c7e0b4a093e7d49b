/**
 * The work behind the keys: transitions through the zone client,
 * administrative operations, and consoles. Each marks its zone's row while
 * it runs and ends with a note; a failure always says why.
 */
import type { DoorCommand } from '../../src/client/types.js';
import { uiErrors } from '../../src/core/errors/ui.js';
import { isZoneError } from '../../src/core/errors/zone-error.js';
import type { ConsoleView } from '../console/console-view.js';
import type { Controller, ControllerDeps } from './controller.js';
import { formWords } from './dialog-keys.js';
import { keyLabel } from './key-labels.js';
import { doneNote, errorNote, infoNote, replyNote } from './notes.js';
import type { CreateForm, Operation, Removal } from './ui-state.js';

// The zone a newcomer is offered on first run.
export const SAMPLE_ZONE = 'sample';

export class Operations {
  constructor(
    private readonly ui: Controller,
    private readonly deps: ControllerDeps,
  ) {}

  async door(command: DoorCommand, zone: string): Promise<void> {
    await this.pending(zone, command, async () => {
      const reply = await this.deps.client.request(zone, command, {
        locale: this.ui.state.language,
      });
      this.ui.note(replyNote(reply, command, zone));
    });
  }

  async install(zone: string): Promise<void> {
    await this.pending(zone, 'install', async () => {
      await this.deps.admin.install(zone);
      this.ui.note(doneNote('install', zone));
    });
  }

  async remove(removal: Removal, zone: string): Promise<void> {
    // Our own console would keep the zone's daemon alive under us.
    this.ui.pool.detach(zone);
    if (this.ui.state.docked === zone) {
      this.ui.store.set({ docked: undefined, focus: 'table' });
    }

    await this.pending(zone, removal, async () => {
      await this.deps.admin[removal](zone);
      this.ui.note(doneNote(removal, zone));
    });
  }

  /**
   * Creates the form's zone, and installs it when asked. Returns the form
   * with the error to show in it when the zone could not be created.
   */
  async create(form: CreateForm): Promise<CreateForm | undefined> {
    const zone = form.values.name.trim();

    if (zone === '') {
      return { ...form, error: uiErrors.nameRequired() };
    }

    try {
      await this.deps.admin.create(zone, formWords(form));
    } catch (error) {
      return { ...form, error };
    }

    this.ui.select(zone);
    this.ui.note(doneNote('create', zone));
    if (form.install) {
      await this.install(zone);
    }

    return undefined;
  }

  /** First run: a zone with every default, installed and selected. */
  async createSample(): Promise<void> {
    const zone = SAMPLE_ZONE;

    await this.pending(zone, 'create', async () => {
      await this.deps.admin.create(zone, []);
      this.ui.select(zone);
      this.ui.store.set((s) => ({
        pending: { ...s.pending, [zone]: 'install' },
      }));
      await this.deps.admin.install(zone);
      this.ui.note({
        tone: 'ok',
        zone,
        text: { key: 'ui:firstRun.ready', params: { zone } },
      });
    });
  }

  /** Shows the zone's console in the pane and gives it the keyboard. */
  async dock(zone: string): Promise<void> {
    const previous = this.ui.state.docked;
    this.ui.store.set({ docked: zone, focus: 'table' });

    const view = await this.attach(zone);
    if (!view) {
      if (!this.ui.pool.get(zone)) {
        this.ui.store.set({ docked: previous });
      }
      return;
    }

    this.ui.dock.fit();
    this.ui.focusSoon('console');
    this.ui.note(
      infoNote('ui:console.docked', {
        zone,
        key: keyLabel(this.ui.detachKey),
      }),
    );
  }

  /** Hands the whole terminal to the zone's console until the detach key. */
  async fullscreen(zone: string): Promise<void> {
    const view = await this.attach(zone);
    if (!view) {
      return;
    }

    await this.deps.host.fullscreen(view);
    this.ui.dock.fit();
    this.ui.note(infoNote('ui:console.back', { zone }));
  }

  private async attach(zone: string): Promise<ConsoleView | undefined> {
    const size = this.ui.layout({ ...this.ui.state, docked: zone }).console;

    try {
      return await this.ui.pool.open(
        zone,
        size ?? { cols: 80, rows: 24 },
        this.ui.state.language,
      );
    } catch (error) {
      const shown = isZoneError(error)
        ? error
        : uiErrors.consoleFailed(zone, error);
      this.ui.note(errorNote(shown, zone));
      this.deps.logger.warn('console attach failed', { zone, error });
      return undefined;
    }
  }

  /** Marks the zone's row while `work` runs; a failure becomes a note. */
  private async pending(
    zone: string,
    operation: Operation,
    work: () => Promise<void>,
  ): Promise<void> {
    const set = (op: Operation | undefined) =>
      this.ui.store.set((s) => {
        const pending = { ...s.pending };
        if (op) {
          pending[zone] = op;
        } else {
          delete pending[zone];
        }
        return { pending };
      });

    set(operation);
    this.deps.logger.info('operation started', { zone, operation });

    try {
      await work();
      this.deps.logger.info('operation finished', { zone, operation });
    } catch (error) {
      this.deps.logger.warn('operation failed', { zone, operation, error });
      this.ui.note(errorNote(error, zone));
    } finally {
      set(undefined);
    }
  }
}
