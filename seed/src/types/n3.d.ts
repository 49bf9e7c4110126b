// The part of n3's API the RDF importer uses (n3 ships no types; @types/n3 would pull in
// @rdfjs/types for four members).
declare module 'n3' {
  export interface Term {
    termType: string;
    value: string;
  }
  export interface Quad {
    subject: Term;
    predicate: Term;
    object: Term;
  }
  export class Parser {
    constructor(options?: { format?: string; baseIRI?: string });
    /** synchronous parse of a whole document */
    parse(input: string): Quad[];
  }
}
