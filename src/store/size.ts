/** How many governments' facts the store keeps when not configured (STORE_MAX_GOVERNMENTS): a whole country, 3,330 governments, fits. */
export const DEFAULT_STORE_SIZE = 5_000;
