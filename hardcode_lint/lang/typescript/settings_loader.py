"""The run-time half of a generated TypeScript or JavaScript settings module: the overrides.

``load()`` starts from the defaults, applies the JSON file named by ``PREFIX_SETTINGS_FILE``,
then the ``PREFIX__KEY__PATH`` environment variables, each checked to be a finite number (an
integer where the default is one); an unknown key or a bad value throws ``SettingsError``
naming the key and its source.  ``process`` is reached through ``globalThis``, so the module
type-checks without ``@types/node`` and a browser bundle (no ``process``) keeps the defaults;
the file is read with ``process.getBuiltinModule("fs")`` (Node 20.16+), or the main module's
``require`` on older Node.  Only ES5 library calls are used, so any ``lib`` setting accepts it.
"""

from __future__ import annotations

TYPESCRIPT = """
export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SettingsError";
  }
}

type Values = { [key: string]: number };
type Table = { [name: string]: unknown };
type Env = { [name: string]: string | undefined };
interface FileSystem {
  readFileSync(path: string, encoding: string): string;
}
interface Runtime {
  env?: Env;
  getBuiltinModule?: (name: string) => unknown;
  mainModule?: { require?: (name: string) => unknown };
}

function has(table: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(table, key);
}

function isTable(value: unknown): value is Table {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function leaves(tree: unknown, path: string, into: Values): Values {
  const table = tree as Table;
  for (const name of Object.keys(table)) {
    const value = table[name];
    if (typeof value === "number") into[path + name] = value;
    else leaves(value, path + name + ".", into);
  }
  return into;
}

function checked(key: string, value: unknown, source: string, known: Values): number {
  const base = known[key];
  const whole = base !== undefined && Math.floor(base) === base;
  if (typeof value !== "number" || !isFinite(value) || (whole && Math.floor(value) !== value)) {
    const wanted = whole ? "an integer" : "a number";
    throw new SettingsError(`settings key "${key}" from ${source}: not ${wanted}`);
  }
  return value;
}

function flat(data: unknown, path: string, source: string, into: Table): Table {
  if (!isTable(data)) {
    throw new SettingsError(`${source}: ${path || "the file"} must be an object of settings`);
  }
  for (const name of Object.keys(data)) {
    const value = data[name];
    if (isTable(value)) flat(value, path + name + ".", source, into);
    else into[path + name] = value;
  }
  return into;
}

function fileSystem(runtime: Runtime): FileSystem | undefined {
  if (runtime.getBuiltinModule) return runtime.getBuiltinModule("fs") as FileSystem;
  const main = runtime.mainModule;
  return main && main.require ? (main.require("fs") as FileSystem) : undefined;
}

function fromFile(file: string, runtime: Runtime, known: Values): Values {
  const source = `settings file ${file}`;
  const fs = fileSystem(runtime);
  if (!fs) throw new SettingsError(`${source}: this runtime cannot read files`);
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new SettingsError(`${source}: cannot be read: ${String(error)}`);
  }
  const given = flat(data, "", source, {});
  const values: Values = {};
  for (const key of Object.keys(given)) {
    if (!has(known, key)) throw new SettingsError(`${source}: "${key}" is no settings key`);
    values[key] = checked(key, given[key], source, known);
  }
  return values;
}

function fromEnv(env: Env, known: Values): Values {
  const names: { [name: string]: string } = {};
  for (const key of Object.keys(known)) {
    names[ENV_PREFIX + "__" + key.toUpperCase().split(".").join("__")] = key;
  }
  const values: Values = {};
  for (const name of Object.keys(env)) {
    const text = env[name];
    if (name.indexOf(ENV_PREFIX + "__") !== 0 || text === undefined) continue;
    const source = `environment variable ${name}`;
    const key = has(names, name) ? names[name] : undefined;
    if (key === undefined) throw new SettingsError(`${source}: names no settings key`);
    const number = text.trim() === "" ? NaN : Number(text);
    values[key] = checked(key, number, `${source} (${JSON.stringify(text)})`, known);
  }
  return values;
}

function built(tree: unknown, values: Values, path: string): object {
  const table = tree as Table;
  const copy: Table = {};
  for (const name of Object.keys(table)) {
    const value = table[name];
    const key = path + name;
    if (typeof value !== "number") copy[name] = built(value, values, key + ".");
    else copy[name] = has(values, key) ? (values[key] as number) : value;
  }
  return Object.freeze(copy);
}

/** The defaults, overridden by the settings file, overridden by the environment. */
export function load(): Settings {
  const runtime = (globalThis as unknown as { process?: Runtime }).process;
  const env = runtime && runtime.env;
  if (!runtime || !env) return built(defaults, {}, "") as Settings;
  const known = leaves(defaults, "", {});
  const file = env[ENV_PREFIX + "_SETTINGS_FILE"];
  const values: Values = file ? fromFile(file, runtime, known) : {};
  const fromEnvironment = fromEnv(env, known);
  for (const key of Object.keys(fromEnvironment)) values[key] = fromEnvironment[key] as number;
  return built(defaults, values, "") as Settings;
}

export const settings: Readonly<Settings> = load();
"""

JAVASCRIPT = """
class SettingsError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = "SettingsError";
  }
}

/** @typedef {{ [key: string]: number }} Values */
/** @typedef {{ [name: string]: unknown }} Table */
/** @typedef {{ [name: string]: string | undefined }} Env */
/** @typedef {{ readFileSync(path: string, encoding: string): string }} FileSystem */
/**
 * @typedef {object} Runtime
 * @property {Env} [env]
 * @property {(name: string) => unknown} [getBuiltinModule]
 * @property {{ require?: (name: string) => unknown }} [mainModule]
 */

/** @param {object} table @param {string} key @returns {boolean} */
function has(table, key) {
  return Object.prototype.hasOwnProperty.call(table, key);
}

/** @param {unknown} value @returns {value is Table} */
function isTable(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** @param {unknown} tree @param {string} path @param {Values} into @returns {Values} */
function leaves(tree, path, into) {
  const table = /** @type {Table} */ (tree);
  for (const name of Object.keys(table)) {
    const value = table[name];
    if (typeof value === "number") into[path + name] = value;
    else leaves(value, path + name + ".", into);
  }
  return into;
}

/**
 * @param {string} key @param {unknown} value @param {string} source @param {Values} known
 * @returns {number}
 */
function checked(key, value, source, known) {
  const base = known[key];
  const whole = base !== undefined && Math.floor(base) === base;
  if (typeof value !== "number" || !isFinite(value) || (whole && Math.floor(value) !== value)) {
    const wanted = whole ? "an integer" : "a number";
    throw new SettingsError(`settings key "${key}" from ${source}: not ${wanted}`);
  }
  return value;
}

/** @param {unknown} data @param {string} path @param {string} source @param {Table} into */
function flat(data, path, source, into) {
  if (!isTable(data)) {
    throw new SettingsError(`${source}: ${path || "the file"} must be an object of settings`);
  }
  for (const name of Object.keys(data)) {
    const value = data[name];
    if (isTable(value)) flat(value, path + name + ".", source, into);
    else into[path + name] = value;
  }
  return into;
}

/** @param {Runtime} runtime @returns {FileSystem | undefined} */
function fileSystem(runtime) {
  if (runtime.getBuiltinModule) return /** @type {FileSystem} */ (runtime.getBuiltinModule("fs"));
  const main = runtime.mainModule;
  return main && main.require ? /** @type {FileSystem} */ (main.require("fs")) : undefined;
}

/** @param {string} file @param {Runtime} runtime @param {Values} known @returns {Values} */
function fromFile(file, runtime, known) {
  const source = `settings file ${file}`;
  const fs = fileSystem(runtime);
  if (!fs) throw new SettingsError(`${source}: this runtime cannot read files`);
  let data;
  try {
    data = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new SettingsError(`${source}: cannot be read: ${String(error)}`);
  }
  const given = flat(data, "", source, {});
  /** @type {Values} */
  const values = {};
  for (const key of Object.keys(given)) {
    if (!has(known, key)) throw new SettingsError(`${source}: "${key}" is no settings key`);
    values[key] = checked(key, given[key], source, known);
  }
  return values;
}

/** @param {Env} env @param {Values} known @returns {Values} */
function fromEnv(env, known) {
  /** @type {{ [name: string]: string }} */
  const names = {};
  for (const key of Object.keys(known)) {
    names[ENV_PREFIX + "__" + key.toUpperCase().split(".").join("__")] = key;
  }
  /** @type {Values} */
  const values = {};
  for (const name of Object.keys(env)) {
    const text = env[name];
    if (name.indexOf(ENV_PREFIX + "__") !== 0 || text === undefined) continue;
    const source = `environment variable ${name}`;
    const key = has(names, name) ? names[name] : undefined;
    if (key === undefined) throw new SettingsError(`${source}: names no settings key`);
    const number = text.trim() === "" ? NaN : Number(text);
    values[key] = checked(key, number, `${source} (${JSON.stringify(text)})`, known);
  }
  return values;
}

/** @param {unknown} tree @param {Values} values @param {string} path @returns {object} */
function built(tree, values, path) {
  const table = /** @type {Table} */ (tree);
  /** @type {Table} */
  const copy = {};
  for (const name of Object.keys(table)) {
    const value = table[name];
    const key = path + name;
    if (typeof value !== "number") copy[name] = built(value, values, key + ".");
    else copy[name] = has(values, key) ? /** @type {number} */ (values[key]) : value;
  }
  return Object.freeze(copy);
}

/**
 * The defaults, overridden by the settings file, overridden by the environment.
 * @returns {Settings}
 */
function load() {
  const global = /** @type {{ process?: Runtime }} */ (/** @type {unknown} */ (globalThis));
  const runtime = global.process;
  const env = runtime && runtime.env;
  if (!runtime || !env) return /** @type {Settings} */ (built(defaults, {}, ""));
  const known = leaves(defaults, "", {});
  const file = env[ENV_PREFIX + "_SETTINGS_FILE"];
  /** @type {Values} */
  const values = file ? fromFile(file, runtime, known) : {};
  const fromEnvironment = fromEnv(env, known);
  for (const key of Object.keys(fromEnvironment)) {
    values[key] = /** @type {number} */ (fromEnvironment[key]);
  }
  return /** @type {Settings} */ (built(defaults, values, ""));
}

/** @type {Readonly<Settings>} */
const settings = load();
"""

ES_EXPORTS = "\nexport { settings, load, defaults, SettingsError };\n"
COMMONJS_EXPORTS = "\nmodule.exports = { settings, load, defaults, SettingsError };\n"
