// The page of a notice (GB/T 9704-2012): what the .docx writer lays out and its tests check.

/** A4 in twips (210 × 297 mm). */
export const A4_TWIPS = { width: 11906, height: 16838 } as const;
