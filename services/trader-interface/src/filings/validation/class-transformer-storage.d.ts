// class-transformer keeps its @Type() metadata in this module, which its package ships without a declaration
// file of its own; the declaration is in its types/ folder. (class-validator-jsonschema reads it the same way.)
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
