// ESLint (flat config) for the in-page checker's JavaScript; scripts/test runs it.
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["widget/checker.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script", // a classic deferred script on every page
      globals: { ...globals.browser },
    },
  },
  {
    files: ["widget/worker.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script", // a module worker over HTTP, a classic blob: worker from file://
      globals: { ...globals.worker },
    },
  },
];
