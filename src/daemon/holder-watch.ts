/**
 * The daemon's link to its zone's holder: it hears upcalls (the zone's init
 * ended, asking for a halt or a reboot) and the holder's own end. Only halt
 * and reboot of the boot the daemon knows of are passed on; anything else
 * from inside the zone is refused here.
 */
import type { Logger } from '../core/logger.js';
import type {
  HolderLink,
  Platform,
  Upcall,
  ZoneSpec,
} from '../platform/types.js';

export interface UpcallTarget {
  /** The generation of the boot the daemon knows of. */
  generation(): string | undefined;
  /** The zone's init ended and asks for `upcall.kind`. */
  initEnded(upcall: Upcall): void;
  /** The holder went away without the daemon halting the zone. */
  holderLost(): void;
  /** The console's source changed: a new link, or none. */
  linkChanged(link: HolderLink | undefined): void;
}

export class HolderWatch {
  private link: HolderLink | undefined;

  constructor(
    private readonly platform: Platform,
    private readonly logger: Logger,
    private readonly target: UpcallTarget,
  ) {}

  /** Attaches to a zone's holder, unless attached already. */
  async attach(spec: ZoneSpec): Promise<void> {
    if (this.link) {
      return;
    }

    try {
      const link = await this.platform.attach(spec);
      this.link = link;
      link.onUpcall((upcall) => this.onUpcall(upcall));
      link.onClose(() => this.onClose(link));
      this.target.linkChanged(link);
    } catch (error) {
      // Upcalls then wait in the holder; the next daemon start acts on them.
      this.logger.warn('cannot attach to the zone holder', { error });
    }
  }

  /** Lets go of the holder, which goes on as it is (or is being halted). */
  detach(): void {
    const link = this.link;
    this.link = undefined;
    if (link) {
      this.target.linkChanged(undefined);
      link.close();
    }
  }

  /** Tells the holder an upcall is being acted on, so it is not repeated. */
  async acknowledge(generation: string): Promise<void> {
    await this.link?.acknowledge(generation).catch((error: unknown) => {
      this.logger.warn('upcall not acknowledged', { error, generation });
    });
  }

  private onUpcall(upcall: Upcall): void {
    if (upcall.kind !== 'halt' && upcall.kind !== 'reboot') {
      this.logger.warn('refused an upcall that is neither halt nor reboot', {
        upcall,
      });
      return;
    }
    if (upcall.generation !== this.target.generation()) {
      this.logger.info('ignored an upcall from an earlier boot', {
        upcall,
        generation: this.target.generation(),
      });
      void this.acknowledge(upcall.generation);
      return;
    }

    this.target.initEnded(upcall);
  }

  private onClose(link: HolderLink): void {
    if (this.link !== link) {
      return;
    }

    this.link = undefined;
    this.target.linkChanged(undefined);
    this.logger.warn('the zone holder went away unexpectedly');
    this.target.holderLost();
  }
}
