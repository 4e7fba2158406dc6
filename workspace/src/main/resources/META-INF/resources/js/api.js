// Fetch wrapper for the werkplek's own /api: JSON in, JSON out, errors as ApiError with a Dutch message.

/** An answer other than 2xx (or no answer at all) from /api. */
export class ApiError extends Error {
  constructor(status, problem, message) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

const MESSAGES = {
  0: 'De werkplek is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.',
  400: 'De gegevens zijn niet geaccepteerd. Controleer de invoer en probeer het opnieuw.',
  401: 'Uw sessie is verlopen. Laad de pagina opnieuw om u opnieuw aan te melden.',
  403: 'U hebt hiervoor geen toegang.',
  404: 'Niet gevonden.',
  409: 'Dit contact is intussen door iemand anders gewijzigd. De gegevens zijn opnieuw geladen.',
  503: 'Een achterliggende dienst is tijdelijk niet bereikbaar. Probeer het zo opnieuw.',
};

/** The Dutch message for a status code. */
export function messageFor(status) {
  if (MESSAGES[status]) {
    return MESSAGES[status];
  }
  return status >= 500 ? MESSAGES[503] : MESSAGES[400];
}

async function request(method, path, body) {
  const init = {
    method,
    headers: { Accept: 'application/json', 'X-Requested-With': 'JavaScript' },
    credentials: 'same-origin',
    // a sign-in redirect (expired session) must not be followed into the identity provider by fetch
    redirect: 'manual',
  };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, null, messageFor(0));
  }
  // 499: Quarkus OIDC's answer to a script request that would need a sign-in redirect
  if (response.type === 'opaqueredirect' || response.status === 401 || response.status === 499) {
    throw new ApiError(401, null, messageFor(401));
  }
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch (e) {
      problem = null;
    }
    throw new ApiError(response.status, problem, messageFor(response.status));
  }
  if (response.status === 204) {
    return null;
  }
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** GET path → parsed JSON. */
export function get(path) {
  return request('GET', path);
}

/** POST path with a JSON body → parsed JSON (or null). */
export function post(path, body) {
  return request('POST', path, body === undefined ? {} : body);
}

/** Builds a query string from the defined, non-empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '' && v !== false) {
      q.set(k, String(v));
    }
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Encodes one path segment. */
export function seg(value) {
  return encodeURIComponent(value);
}
