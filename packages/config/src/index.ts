export { loadConfig, ConfigError } from './load-config.ts';
export { configSchema, CONFIG_KEYS, type Config } from './schema.ts';
