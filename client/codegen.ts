import type { CodegenConfig } from '@graphql-codegen/cli';
import { addTypenameSelectionDocumentTransform } from '@graphql-codegen/client-preset';

// Typed documents for urql from the committed contract (schema/schema.graphql) and every
// graphql(`…`) in the sources; offline, no server needed. A document that does not validate
// against the schema fails here, and so fails the build. Output: src/generated/ (git-ignored).
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/generated/**', '!src/**/*.test.{ts,tsx}'],
  ignoreNoDocuments: false,
  emitLegacyCommonJSImports: false,
  generates: {
    'src/generated/': {
      preset: 'client',
      // urql's document cache adds __typename to every selection set before sending; adding it
      // here makes the sent text and the trusted-documents list the same document.
      documentTransforms: [addTypenameSelectionDocumentTransform],
      presetConfig: {
        fragmentMasking: false,
        // persisted-documents.json: "sha256:<hash>" → document, the server's trusted documents
        persistedDocuments: { hashAlgorithm: 'sha256' },
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        onlyOperationTypes: true,
        skipTypename: true,
        scalars: {
          // calendar dates as "YYYY-MM-DD", the value of an <input type="date">
          Date: 'string',
          DateTimeISO: 'string',
          // money travels as a decimal string (cents exact)
          Decimal: 'string',
          GeoJSON: { input: "import('geojson').Geometry", output: "import('geojson').Geometry" },
          JSON: 'unknown',
        },
      },
    },
  },
};

export default config;
