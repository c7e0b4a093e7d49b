/**
 * The holder: one small, long-lived process per ready or running zone. It
 * owns what the zone needs to live (the console's pty master and the
 * zone's init) so that zoneadmd can die and come back without the zone
 * noticing. It loads no UI and as little else as it can.
 */
import fs from 'node:fs';
import { createLogger, type Logger } from '../../core/logger.js';
import {
  holderTitle,
  parseHolderConfig,
  type HolderConfig,
} from '../protocol/holder-config.js';
import type { HolderState } from '../protocol/messages.js';
import type { Upcall } from '../types.js';
import { Console } from './console.js';
import { HolderServer } from './server.js';
import { upcallOf } from './upcall.js';
import { ZoneInit, type InitEnd } from './zone-init.js';

// The descriptor on which the starter waits for "ready" or a reason.
const READY_FD = 3;

class Holder {
  private readonly console: Console;
  private readonly init: ZoneInit;
  private readonly server: HolderServer;
  private pendingUpcall: Upcall | undefined;
  private halting = false;

  constructor(
    private readonly config: HolderConfig,
    private readonly logger: Logger,
  ) {
    this.console = new Console(config.consoleLog, logger);
    this.init = new ZoneInit(config.zone, logger, (end) => this.ended(end));
    this.server = new HolderServer(
      config.zone,
      config.socket,
      this.console,
      {
        state: () => this.state(),
        boot: async (request) => {
          this.pendingUpcall = undefined;
          await this.init.start({
            console: this.console.path,
            nsDir: config.nsDir,
            cgroupProcs: request.cgroupProcs,
            init: request.init,
            args: request.args,
            swapProc: config.rootless,
          });
          return this.state();
        },
        halt: () => this.halt(),
        acknowledge: (generation) => {
          if (this.pendingUpcall?.generation === generation) {
            this.pendingUpcall = undefined;
          }
        },
      },
      logger,
      () => this.exit(),
    );
  }

  async start(): Promise<void> {
    await this.server.listen();
    fs.writeFileSync(this.config.pidFile, `${process.pid}\n`);
    this.logger.info('holder started', {
      zone: this.config.zone,
      pid: process.pid,
      console: this.console.path,
    });
  }

  state(): HolderState {
    const boot = this.init.boot;

    return {
      state: boot ? 'running' : 'ready',
      id: this.config.id,
      holderPid: process.pid,
      ...(boot ?? {}),
      ...(this.pendingUpcall ? { pendingUpcall: this.pendingUpcall } : {}),
    };
  }

  async halt(): Promise<void> {
    this.halting = true;
    await this.init.kill();
  }

  /** Leaves for good: the console and the socket go with the holder. */
  exit(): void {
    this.logger.info('holder exits', {
      zone: this.config.zone,
      pid: process.pid,
    });
    this.server.close();
    this.console.close();
    process.exit(0);
  }

  private ended(end: InitEnd): void {
    if (end.killed || this.halting) {
      this.logger.info('init ended by the host', { zone: this.config.zone });
      return;
    }

    // Kept until acknowledged: a zoneadmd that was dead now gets it on attach.
    this.pendingUpcall = upcallOf(end.generation, end.code, end.signal);
    this.logger.info('upcall', {
      zone: this.config.zone,
      ...this.pendingUpcall,
    });
    this.server.upcall(this.pendingUpcall);
  }
}

function tellStarter(message: object): void {
  try {
    fs.writeSync(READY_FD, `${JSON.stringify(message)}\n`);
    fs.closeSync(READY_FD);
  } catch {
    // The starter is gone; nobody is waiting.
  }
}

async function main(): Promise<void> {
  const config = parseHolderConfig(process.argv[2]);
  process.title = holderTitle(config.socket);

  const logger = createLogger({
    level: config.logLevel,
    fields: { zone: config.zone, holder: process.pid },
  });
  const holder = new Holder(config, logger);

  // Detached and without a terminal: these signals only come from people.
  // TERM is an orderly end; HUP and INT must not take the zone down.
  process.on('SIGHUP', () => {});
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => {
    void holder.halt().then(() => holder.exit());
  });

  await holder.start();
  tellStarter({ ok: true, pid: process.pid });
}

main().catch((error: unknown) => {
  tellStarter({
    ok: false,
    reason: error instanceof Error ? error.message : String(error),
  });
  process.stderr.write(
    `${String(error instanceof Error ? error.stack : error)}\n`,
  );
  process.exit(1);
});
