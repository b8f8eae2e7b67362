import { spawn } from 'node:child_process';
import readline from 'node:readline';

/**
 * Child processes of `pnpm dev`. Each runs in its own process group so that stopping it also stops what
 * it started (pnpm → vite, …), and each output line is prefixed with the child's name ("api │ …").
 */
const NAME_WIDTH = 7;

export function prefixLines(stream, name, out) {
  const prefix = `${name.padStart(NAME_WIDTH)} │ `;
  readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => out.write(prefix + line + '\n'));
}

/** Starts a long-running child. `exited` resolves with {code, signal} when it ends. */
export function startChild(name, command, args, { env, cwd, out = process.stdout } = {}) {
  const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  prefixLines(child.stdout, name, out);
  prefixLines(child.stderr, name, out);
  const exited = new Promise((resolve) => {
    child.once('error', (error) => resolve({ code: 127, signal: null, error }));
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  let stopping;
  return {
    name,
    child,
    exited,
    /** SIGTERM to the child's process group, SIGKILL after `graceMs`. */
    stop({ graceMs = 8000 } = {}) {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return exited;
        signalGroup(child.pid, 'SIGTERM');
        const timer = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), graceMs);
        const result = await exited;
        clearTimeout(timer);
        signalGroup(child.pid, 'SIGKILL'); // anything the child left behind in its group
        return result;
      })();
      return stopping;
    },
  };
}

/** Runs a child to completion with prefixed output; resolves with its exit code. */
export async function runChild(name, command, args, options) {
  const handle = startChild(name, command, args, options);
  const { code, signal, error } = await handle.exited;
  if (error) return 127;
  return code ?? (signal ? 128 : 1);
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}
