export const MAX_CONNECTIONS = 100;
export const options = { maxRetries: 3 };
