// The one way the dashboard talks to the server: POST a GraphQL operation to the public API at /graphql.

export const GRAPHQL_PATH = '/graphql';
const TIMEOUT_MS = 15000;

export class ApiError extends Error {
  constructor(message, { code = null, status = null } = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}

/**
 * Runs a query and returns its `data`. Throws ApiError with a message a person can read when the server is
 * unreachable, answers with an HTTP error, or reports GraphQL errors (partial data counts as a failure).
 */
export async function gql(query, variables = {}) {
  let response;
  try {
    response = await fetch(GRAPHQL_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const timedOut = error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw new ApiError(timedOut ? '服务器响应超时' : '无法连接服务器，请检查网络', { code: 'NETWORK' });
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  const errors = body && Array.isArray(body.errors) ? body.errors : [];
  if (errors.length > 0) {
    const first = errors[0] ?? {};
    const code = first.extensions?.code ?? null;
    const message = code === 'INTERNAL_SERVER_ERROR' ? '服务器内部错误' : String(first.message ?? '未知错误');
    throw new ApiError(code ? `${message}（${code}）` : message, { code, status: response.status });
  }
  if (!response.ok || !body || typeof body.data !== 'object' || body.data === null) {
    throw new ApiError(`服务器错误（HTTP ${response.status}）`, { code: 'HTTP', status: response.status });
  }
  return body.data;
}

/** The message a panel shows when its data could not be loaded. */
export function failureText(error) {
  const reason = error instanceof ApiError ? error.message : error instanceof Error ? error.message : String(error);
  return `数据加载失败：${reason}`;
}
