/** A problem in a config file: names the file, the key and the reason (exit code 2 in the CLI). */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly file: string,
    readonly key: string,
    readonly reason: string,
  ) {
    super(`${file}${key ? `: ${key}` : ''}: ${reason}`);
  }
}
