/** A configuration value that cannot work; its message names the variable and what it needs. */
export class ConfigError extends Error {}
