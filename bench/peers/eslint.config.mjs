// ESLint's no-magic-numbers on the bench's npm corpus: the core rule for JavaScript, and
// typescript-eslint's version of it (with its parser) for TypeScript, as projects run them.
// The node tools folder (eslint, typescript-eslint) is given by HCL_BENCH_NODE_TOOLS.
import { createRequire } from "node:module";

const require = createRequire(`${process.env.HCL_BENCH_NODE_TOOLS}/node_modules/`);
const tseslint = require("typescript-eslint");

export default [
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs", "**/*.jsx"],
    languageOptions: {
      ecmaVersion: "latest",
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    linterOptions: { reportUnusedDisableDirectives: "off", noInlineConfig: true },
    rules: { "no-magic-numbers": "error" },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
  },
  {
    files: ["**/*.ts", "**/*.mts", "**/*.cts", "**/*.tsx"],
    languageOptions: { parser: tseslint.parser },
    plugins: { "@typescript-eslint": tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: "off", noInlineConfig: true },
    rules: { "@typescript-eslint/no-magic-numbers": "error" },
  },
];
