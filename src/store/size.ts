/** How many governments' facts the store keeps when not configured (STORE_MAX_GOVERNMENTS): a whole country, 3,330 governments, fits. */
export const DEFAULT_STORE_SIZE = 5_000;

/** How long a held government may go without a reload (STORE_MAX_AGE_SECONDS): writes nobody announced are seen within it. */
export const DEFAULT_STORE_MAX_AGE_SECONDS = 60;
