import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker by name. Bundled builds ship each worker as a sibling file
 * (`dist/main/<name>.js`); when running from TypeScript sources (tests, tsx) the
 * worker registers tsx first, because workers do not inherit the parent's loader.
 */
export function startWorker(name: string, options: WorkerOptions): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const source = new URL(`./${name}.ts`, here).href;
    const boot = `import { register } from 'tsx/esm/api'; register(); await import(${JSON.stringify(source)});`;
    return new Worker(boot, { ...options, eval: true });
  }
  return new Worker(new URL(`./${name}.js`, here), options);
}
