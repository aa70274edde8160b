// The one way the dashboard talks to the server: POST a GraphQL operation to the public API at /graphql.

export const GRAPHQL_PATH = '/graphql';
const TIMEOUT_MS = 15000;
/** The bearer token lives for this browser tab's session only (sessionStorage), never in localStorage or a cookie. */
const TOKEN_KEY = 'fengong.token';

export function getToken() {
  try {
    return window.sessionStorage.getItem(TOKEN_KEY) || null;
  } catch {
    return null;
  }
}

export function setToken(token) {
  try {
    if (token) window.sessionStorage.setItem(TOKEN_KEY, token);
    else window.sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // storage disabled: the token then lasts until the page is left
  }
}

/** `Authorization: Bearer …` when signed in; the same string goes into connectionParams.authorization. */
export function authorization() {
  const token = getToken();
  return token ? `Bearer ${token}` : null;
}

const authHeaders = () => {
  const value = authorization();
  return value ? { authorization: value } : {};
};

/** True for the refusal a signed-out (or badly signed-in) caller gets when reads are private. */
export const isUnauthenticated = (error) => error instanceof ApiError && error.code === 'UNAUTHENTICATED';

/**
 * Downloads an export (GET /export/…) with the bearer header and saves it through a blob, under the server's
 * file name (Content-Disposition) or `fallbackName`.
 */
export async function download(url, fallbackName) {
  let response;
  try {
    response = await fetch(url, { headers: authHeaders(), signal: AbortSignal.timeout(60000) });
  } catch {
    throw new ApiError('无法连接服务器，请检查网络', { code: 'NETWORK' });
  }
  if (!response.ok) {
    let code = null;
    let message = `下载失败（HTTP ${response.status}）`;
    try {
      const body = await response.json();
      code = body?.errors?.[0]?.extensions?.code ?? null;
      if (body?.errors?.[0]?.message) message = `下载失败：${body.errors[0].message}`;
    } catch {
      // not JSON
    }
    throw new ApiError(message, { code: response.status === 401 ? 'UNAUTHENTICATED' : code, status: response.status });
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const name = encoded ? decodeURIComponent(encoded[1]) : fallbackName;
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(href), 60000);
  return name;
}

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
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...authHeaders() },
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
  if (response.status === 401) {
    const message = errors[0]?.message ? String(errors[0].message) : '需要登录令牌';
    throw new ApiError(`${message}（UNAUTHENTICATED）`, { code: 'UNAUTHENTICATED', status: 401 });
  }
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
