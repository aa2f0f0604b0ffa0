import { arr, at, isObj, num, obj, str } from './json';
import { ContainerFacts, ProbeFacts } from './types';

function port(value: unknown): string {
  return value === undefined ? '?' : String(value);
}

/** Normalises a probe; null when the container has none. */
export function probeFacts(value: unknown): ProbeFacts | null {
  if (!isObj(value)) return null;
  let handler: ProbeFacts['handler'] = null;
  let target: string | null = null;
  if (isObj(value.httpGet)) {
    handler = 'httpGet';
    target = `httpGet ${str(value.httpGet.path) ?? '/'} :${port(
      value.httpGet.port,
    )}`;
  } else if (isObj(value.grpc)) {
    handler = 'grpc';
    const service = str(value.grpc.service);
    target = `grpc :${port(value.grpc.port)}${service ? ` ${service}` : ''}`;
  } else if (isObj(value.tcpSocket)) {
    handler = 'tcpSocket';
    target = `tcpSocket :${port(value.tcpSocket.port)}`;
  } else if (isObj(value.exec)) {
    handler = 'exec';
    target = `exec ${arr(value.exec.command).map(String).join(' ')}`;
  }
  return {
    handler,
    target,
    initialDelaySeconds: num(value.initialDelaySeconds) ?? 0,
    periodSeconds: num(value.periodSeconds) ?? 10,
    failureThreshold: num(value.failureThreshold) ?? 3,
  };
}

/** Reads `lifecycle.preStop`, with the sleep it performs where readable. */
export function preStopFacts(container: unknown): ContainerFacts['preStop'] {
  const hook = at(container, 'lifecycle', 'preStop');
  if (!isObj(hook)) return null;
  if (isObj(hook.sleep)) {
    return { handler: 'sleep', sleepSeconds: num(hook.sleep.seconds) ?? null };
  }
  if (isObj(hook.exec)) {
    const command = arr(obj(hook.exec).command).map(String).join(' ');
    const match = /(?:^|[\s;&|])sleep\s+(\d+(?:\.\d+)?)/.exec(command);
    return { handler: 'exec', sleepSeconds: match ? Number(match[1]) : null };
  }
  if (isObj(hook.httpGet)) return { handler: 'httpGet', sleepSeconds: null };
  if (isObj(hook.tcpSocket))
    return { handler: 'tcpSocket', sleepSeconds: null };
  return null;
}
