/**
 * The consoles the UI keeps attached, one per zone. A console stays
 * attached, and its screen kept, when another zone's console is shown; it
 * goes only when the operator detaches it or quits. The terminal emulator is
 * loaded with the first console, so a UI that never opens one never pays
 * for it.
 */
import type { Language } from '../../src/core/language.js';
import type { Logger } from '../../src/core/logger.js';
import type { ZoneClient } from '../../src/client/types.js';
import type { Size } from '../model/layout.js';
import type { ConsoleView } from './console-view.js';

export interface PoolEvents {
  notice(zone: string, text: string): void;
  closed(zone: string, reason?: string): void;
}

export class ConsolePool {
  private readonly views = new Map<string, ConsoleView>();
  private readonly opening = new Map<string, Promise<ConsoleView>>();

  constructor(
    private readonly client: ZoneClient,
    private readonly events: PoolEvents,
    private readonly logger: Logger,
  ) {}

  /**
   * Loads the terminal emulator ahead of the first console, once the UI is
   * on screen: it takes a few hundred milliseconds on a busy machine, which
   * would otherwise delay the first Enter on a zone.
   */
  prefetch(): void {
    import('./console-view.js').catch((error: unknown) =>
      this.logger.warn('console emulator failed to load', { error }),
    );
  }

  get(zone: string): ConsoleView | undefined {
    return this.views.get(zone);
  }

  /** Zones with a console attached, by name. */
  attached(): string[] {
    return [...this.views.keys()].sort();
  }

  /**
   * The zone's console, attaching to it unless it is attached already. A
   * console that was closed (its zone halted) is attached afresh.
   */
  async open(zone: string, size: Size, locale: Language): Promise<ConsoleView> {
    const known = this.views.get(zone);
    if (known?.status === 'attached') {
      known.resize(size.cols, size.rows);
      return known;
    }

    const inFlight = this.opening.get(zone);
    if (inFlight) {
      return inFlight;
    }

    const attach = this.attach(zone, size, locale, known);
    this.opening.set(zone, attach);

    try {
      return await attach;
    } finally {
      this.opening.delete(zone);
    }
  }

  /** Attaches every console again with `locale`, for notices in it. */
  async relocale(locale: Language): Promise<void> {
    await Promise.all(
      [...this.views.values()]
        .filter((view) => view.status === 'attached')
        .map(async (view) => {
          const session = await this.client.console(view.zone, {
            locale,
            cols: view.term.cols,
            rows: view.term.rows,
          });
          view.replace(session);
        }),
    );
  }

  detach(zone: string): void {
    const view = this.views.get(zone);

    if (view) {
      this.views.delete(zone);
      view.close();
      this.logger.info('console detached', { zone });
    }
  }

  closeAll(): void {
    for (const zone of [...this.views.keys()]) {
      this.detach(zone);
    }
  }

  private async attach(
    zone: string,
    size: Size,
    locale: Language,
    previous: ConsoleView | undefined,
  ): Promise<ConsoleView> {
    // The emulator first: once the session exists, its first bytes may
    // arrive on the next turn of the event loop and must find a listener.
    const { ConsoleView } = await import('./console-view.js');
    const session = await this.client.console(zone, {
      locale,
      cols: size.cols,
      rows: size.rows,
    });

    if (previous) {
      previous.resize(size.cols, size.rows);
      previous.replace(session);
      this.logger.info('console attached again', { zone });
      return previous;
    }

    const view = new ConsoleView(zone, session, size.cols, size.rows, {
      notice: (z, text) => this.events.notice(z, text),
      closed: (z, reason) => this.events.closed(z, reason),
    });
    this.views.set(zone, view);
    this.logger.info('console attached', { zone });

    return view;
  }
}
