import net from 'node:net';

/**
 * Makes every TCP server this process starts without a host of its own listen on
 * 127.0.0.1 instead of every interface. @web/dev-server (under the test runner and the
 * demo) drops `localhost`/`127.0.0.1` before it calls listen(), so its port was open to
 * the network; test and demo servers belong to this machine only.
 */
export function keepServersOnLoopback() {
  const listen = net.Server.prototype.listen;
  if (listen.loopbackOnly) return;
  const loopbackListen = function (...args) {
    const [first] = args;
    if (first !== null && typeof first === 'object' && !first.host && first.path === undefined && first.fd === undefined) {
      args[0] = {...first, host: '127.0.0.1'};
    } else if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
      if (typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1');
    }
    return listen.apply(this, args);
  };
  loopbackListen.loopbackOnly = true;
  net.Server.prototype.listen = loopbackListen;
}
