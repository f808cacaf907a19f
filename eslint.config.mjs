// Lint rules: typescript-eslint's type-aware recommended set ("Linting with Type Information"), run by `npm run lint`
// inside `npm test`. Layout is Prettier's (.prettierrc.json), so no stylistic rule is enabled here.
import eslint from "@eslint/js";
import tseslint from "typescript-eslint";

/** The rules about values typed `any`: JSON bodies read raw, and modules that ship no types. */
const anyRulesOff = {
    "@typescript-eslint/no-unsafe-argument": "off",
    "@typescript-eslint/no-unsafe-assignment": "off",
    "@typescript-eslint/no-unsafe-call": "off",
    "@typescript-eslint/no-unsafe-member-access": "off",
    "@typescript-eslint/no-unsafe-return": "off",
};

export default tseslint.config(
    {
        ignores: [
            "bin/**",
            "node_modules/**",
            "sdk-gen/**",
            "examples/**",
            "test/e2e/programs/**",
            "**/*.js",
            "**/*.cjs",
            "**/*.mjs",
        ],
    },
    eslint.configs.recommended,
    ...tseslint.configs.recommendedTypeChecked,
    {
        languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
        rules: {
            // Unused names are allowed when they say so with a leading underscore (a destructured password left out).
            "@typescript-eslint/no-unused-vars": [
                "error",
                {
                    argsIgnorePattern: "^_",
                    varsIgnorePattern: "^_",
                    destructuredArrayIgnorePattern: "^_",
                    caughtErrors: "none",
                },
            ],
            // Many async functions implement a Promise-returning interface (Pulumi's provider methods, the order port)
            // without needing to wait themselves; making them return Promise.resolve(...) by hand would say less.
            "@typescript-eslint/require-await": "off",
        },
    },
    {
        // Serialized dynamic providers require the implementation by package name inside each function (Pulumi
        // serializes the closures into state; a module-scope import would be captured with it), so these
        // requires are untyped by design.
        files: ["provider/dynamic/providers.ts", "provider/dynamic/context.ts"],
        rules: { ...anyRulesOff, "@typescript-eslint/no-require-imports": "off" },
    },
    {
        // A resource class declares its outputs by merging an interface of the generated output types into the class
        // (as Pulumi's generated SDKs declare `Output<T>` properties), so that they are typed without being assigned.
        files: ["sdk/**/*.ts"],
        rules: {
            "@typescript-eslint/no-unsafe-declaration-merging": "off",
            "@typescript-eslint/no-empty-object-type": "off",
        },
    },
    {
        // Pulumi's gRPC service and protobuf messages (@pulumi/pulumi/proto) are JavaScript without type declarations.
        files: [
            "provider/native/server.ts",
            "provider/native/engineLog.ts",
            "provider/native/main.ts",
            "provider/native/sdkModules.ts",
            "scripts/pulumi-cli/**/*.ts",
            "test/engine/**/*.ts",
            "test/native/**/*.ts",
        ],
        rules: {
            ...anyRulesOff,
            "@typescript-eslint/no-require-imports": "off",
            "@typescript-eslint/unbound-method": "off",
        },
    },
    {
        // The simulators build and read open-ended JSON (their model follows the published examples field by field),
        // and tests, the bench and scripts read raw answers to compare them with exact values.
        files: ["simulator/**/*.ts", "test/**/*.ts", "bench/**/*.ts", "scripts/**/*.ts"],
        rules: {
            ...anyRulesOff,
            "@typescript-eslint/no-require-imports": "off",
            "@typescript-eslint/no-explicit-any": "off",
            // Test names and failure messages interpolate raw answers and method references as they are.
            "@typescript-eslint/restrict-template-expressions": "off",
            "@typescript-eslint/no-base-to-string": "off",
            "@typescript-eslint/unbound-method": "off",
            // Bad-input tests write control characters on purpose.
            "no-control-regex": "off",
        },
    },
);
