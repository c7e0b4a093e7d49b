import type { HolderState, Reply, Request } from '../protocol/messages.js';
import { Connection } from './connection.js';

/** The holder's state as its hello gave it, and the reply to a request. */
export interface Answer {
  readonly state: HolderState;
  readonly reply: Reply | undefined;
}

/**
 * One request on its own connection: the platform's calls are rare and
 * independent, so none keeps a connection open. Without a request, only
 * the hello is exchanged, which is how probe asks for the state.
 */
export async function askHolder(
  socketPath: string,
  request?: Request,
): Promise<Answer> {
  let answered: (reply: Reply) => void = () => {};
  let closed: () => void = () => {};
  const reply = new Promise<Reply | undefined>((resolve) => {
    answered = resolve;
    closed = () => resolve(undefined);
  });

  const connection = await Connection.open(socketPath, 'control', {
    control: (r) => answered(r),
    close: () => closed(),
  });

  if (!request) {
    connection.close();
    return { state: connection.state, reply: undefined };
  }

  connection.send(request);
  const answer = await reply;
  if (request.op === 'halt') {
    // The holder exits after it replied; its end closes with it.
    await connection.closed();
  } else {
    connection.close();
  }

  return { state: connection.state, reply: answer };
}
