// opencc-js 1.4.2 ships its types as an ES module, which a CommonJS build cannot import (TS1479); the search
// loads its CommonJS build with require() and types it with this much of its API.
export interface OpenCCConverterOptions {
  /** Source locale: 't' (OpenCC traditional), 'tw', 'twp', 'hk', 'cn', 'jp'. */
  readonly from: string;
  /** Target locale, e.g. 'cn' (simplified, mainland). */
  readonly to: string;
}

export interface OpenCCModule {
  Converter(options: OpenCCConverterOptions): (text: string) => string;
}
