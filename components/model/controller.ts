/**
 * The UI's behaviour without its drawing: it owns the state, turns keys
 * into actions, and runs them against the zone client, the admin
 * operations and the attached consoles. Views only read the state and hand
 * keys here, so everything an operator can do is testable without Ink.
 */
import type {
  DoorCommand,
  ZoneClient,
  ZoneView,
} from '../../src/client/types.js';
import { uiErrors } from '../../src/core/errors/ui.js';
import type { Messages, TFunction } from '../../src/core/i18n.js';
import type { Language } from '../../src/core/language.js';
import type { Logger } from '../../src/core/logger.js';
import { ConsolePool } from '../console/console-pool.js';
import type { ConsoleView } from '../console/console-view.js';
import { detachByte } from '../console/detach-key.js';
import type { ZoneAdmin } from './admin.js';
import { ConsoleDock } from './console-dock.js';
import { DialogKeys } from './dialog-router.js';
import type { KeyPress } from './keys.js';
import { tableIntent, type Intent } from './keys.js';
import { computeLayout, type ScreenLayout, type Size } from './layout.js';
import { errorNote, infoNote } from './notes.js';
import { Operations } from './operations.js';
import { confirmationFor, removalFor } from './policy.js';
import type { PrefsStore } from './prefs.js';
import { moveSelection, selectedZone, visibleZones } from './selection.js';
import { createStore, type Store } from './store.js';
import {
  initialState,
  type Focus,
  type Note,
  type UiState,
} from './ui-state.js';

/** What the process around the UI provides: leaving it, and full screen. */
export interface UiHost {
  /** Hands the whole terminal to a console; resolves when it is back. */
  fullscreen(view: ConsoleView): Promise<void>;
  quit(): void;
}

export interface ControllerDeps {
  client: ZoneClient;
  admin: ZoneAdmin;
  messages: Messages;
  prefs: PrefsStore;
  logger: Logger;
  host: UiHost;
  /** The language asked for on the command line, over the saved one. */
  language?: Language;
}

// The last selected zone is saved once the selection rests this long, so
// holding `j` does not write the preferences file at every row.
const SELECTION_SAVE_DELAY_MS = 1000;

export class Controller {
  readonly store: Store<UiState>;
  readonly pool: ConsolePool;
  /** The key that leaves a console, by name (`ctrl-]`). */
  readonly detachKey: string;
  /** The byte that key sends. */
  readonly detachSequence: string;
  /** The docked console: its pane, its keyboard, its size. */
  readonly dock: ConsoleDock;
  private readonly ops: Operations;
  private readonly dialogs: DialogKeys;
  private unwatch: (() => void) | undefined;
  private pushed = false;
  private saveTimer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: ControllerDeps) {
    const { prefs, problem } = deps.prefs.read();
    const language = deps.language ?? prefs.language ?? deps.messages.current;

    deps.messages.use(language);
    this.store = createStore(
      initialState(language, prefs.orientation, prefs.lastZone),
    );
    if (problem) {
      this.note(errorNote(problem));
    }

    // A bad key in the preferences must not leave the operator stuck in a
    // console: fall back to the default and say so.
    let detach: string;
    try {
      detach = detachByte(prefs.detachKey);
      this.detachKey = prefs.detachKey;
    } catch (error) {
      this.note(errorNote(error));
      this.detachKey = 'ctrl-]';
      detach = detachByte(this.detachKey);
    }
    this.detachSequence = detach;

    this.pool = new ConsolePool(
      deps.client,
      {
        notice: (zone, text) =>
          this.note({ tone: 'info', text: { literal: text }, zone }),
        closed: (zone, reason) => this.dock.closed(zone, reason),
      },
      deps.logger,
    );
    this.dock = new ConsoleDock(this);
    this.ops = new Operations(this, deps);
    this.dialogs = new DialogKeys(this, this.ops);
  }

  get state(): UiState {
    return this.store.get();
  }

  /** The translator of the current language; read at every render. */
  get t(): TFunction {
    return this.deps.messages.t;
  }

  layout(state = this.state): ScreenLayout {
    return computeLayout(
      state.size,
      state.docked !== undefined,
      state.orientation,
    );
  }

  /** Starts following the zones; every change arrives pushed. */
  start(): void {
    this.unwatch = this.deps.client.watch((zones) => {
      this.pushed = true;
      this.setZones(zones);
    });

    this.deps.client.list().then(
      (zones) => {
        if (!this.pushed) {
          this.setZones(zones);
        }
      },
      (error: unknown) => {
        this.store.set({ loaded: true });
        this.note(errorNote(error));
      },
    );
  }

  async stop(): Promise<void> {
    this.unwatch?.();
    this.unwatch = undefined;
    this.pool.closeAll();

    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = undefined;
      await this.savePrefs({ lastZone: this.state.selected });
    }
  }

  resize(size: Size): void {
    const { cols, rows } = this.state.size;

    if (size.cols !== cols || size.rows !== rows) {
      this.store.set({ size });
      this.dock.fit();
    }
  }

  /** One key from Ink, whatever has the keyboard. */
  key(press: KeyPress): void {
    const state = this.state;

    if (state.dialog) {
      this.dialogs.key(state.dialog, press);
    } else if (state.filtering) {
      this.dialogs.filterKey(press);
    } else if (state.focus === 'table') {
      if (this.showsFirstRun() && this.firstRunKey(press)) {
        return;
      }
      const intent = tableIntent(press);
      if (intent) {
        this.intent(intent);
      }
    }
  }

  quitNow(): void {
    this.deps.host.quit();
  }

  showsFirstRun(state = this.state): boolean {
    return state.loaded && state.zones.length === 0 && !state.firstRunDeclined;
  }

  note(note: Note | undefined): void {
    this.store.set({ note });
  }

  select(zone: string | undefined): void {
    if (zone === this.state.selected) {
      return;
    }

    this.store.set({ selected: zone });
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.savePrefs({ lastZone: zone });
    }, SELECTION_SAVE_DELAY_MS);
    this.saveTimer.unref();
  }

  /**
   * Focus changes take effect on the next turn of the event loop, so that
   * the key which caused one is never also read by the other side (Ink
   * and the raw reader both see every chunk).
   */
  focusSoon(focus: Focus): void {
    setImmediate(() => this.store.set({ focus }));
  }

  async setLanguage(language: Language): Promise<void> {
    this.deps.messages.use(language);
    this.store.set({ language, dialog: undefined });
    this.note(infoNote('ui:language.changed'));
    await this.savePrefs({ language });

    try {
      await this.pool.relocale(language);
    } catch (error) {
      this.note(errorNote(error));
    }
  }

  async savePrefs(change: Parameters<PrefsStore['save']>[0]): Promise<void> {
    try {
      await this.deps.prefs.save(change);
    } catch (error) {
      this.note(errorNote(error));
    }
  }

  private setZones(zones: ZoneView[]): void {
    this.store.set({ zones, loaded: true });
  }

  private firstRunKey(press: KeyPress): boolean {
    if (press.name === 'enter') {
      void this.ops.createSample();
      return true;
    }
    if (press.name === 'escape') {
      this.store.set({ firstRunDeclined: true });
      return true;
    }

    return false;
  }

  private intent(intent: Intent): void {
    const state = this.state;
    const zone = selectedZone(state);

    switch (intent.type) {
      case 'move':
        this.select(moveSelection(state, intent.by));
        return;
      case 'first':
        this.select(visibleZones(state)[0]?.name);
        return;
      case 'last':
        this.select(visibleZones(state).at(-1)?.name);
        return;
      case 'filter':
        this.store.set({ filtering: true });
        return;
      case 'back':
        this.back();
        return;
      case 'help':
        this.store.set({ dialog: { kind: 'help' } });
        return;
      case 'language':
        this.dialogs.openLanguage();
        return;
      case 'quit':
        this.quitNow();
        return;
      case 'ask-quit':
        this.store.set({ dialog: { kind: 'quit' } });
        return;
      case 'create':
        this.dialogs.openCreate();
        return;
      case 'orientation':
        this.dock.toggleOrientation();
        return;
      case 'focus':
        this.dock.focus();
        return;
    }

    // The rest act on the selected zone, which exists only once the zones
    // have been read: a key pressed before must not claim there are none.
    if (!zone) {
      const why = state.loaded
        ? uiErrors.noZoneSelected()
        : uiErrors.stillLoading();
      this.note(errorNote(why));
      return;
    }

    switch (intent.type) {
      case 'door':
        this.door(intent.command, zone);
        return;
      case 'install':
        void this.ops.install(zone.name);
        return;
      case 'remove':
        this.remove(zone);
        return;
      case 'dock':
        void this.ops.dock(zone.name);
        return;
      case 'fullscreen':
        void this.ops.fullscreen(zone.name);
        return;
      case 'detach':
        this.dock.detach(zone.name);
        return;
    }
  }

  private door(command: DoorCommand, zone: ZoneView): void {
    if (this.state.pending[zone.name]) {
      this.note(errorNote(uiErrors.zoneBusy(zone.name), zone.name));
    } else if (confirmationFor(command, zone.state) === 'yes-no') {
      this.store.set({ dialog: { kind: 'confirm', command, zone: zone.name } });
    } else {
      void this.ops.door(command, zone.name);
    }
  }

  private remove(zone: ZoneView): void {
    const removal = removalFor(zone.state);

    if (this.state.pending[zone.name]) {
      this.note(errorNote(uiErrors.zoneBusy(zone.name), zone.name));
    } else if (!removal) {
      this.note(errorNote(uiErrors.zoneActive(zone.name, zone.state)));
    } else {
      this.store.set({
        dialog: { kind: 'remove', removal, zone: zone.name, typed: '' },
      });
    }
  }

  private back(): void {
    const state = this.state;

    if (state.filter !== '') {
      this.store.set({ filter: '' });
    } else if (state.docked) {
      // The console stays attached; only the pane goes.
      this.store.set({ docked: undefined });
    } else {
      this.note(undefined);
    }
  }
}
