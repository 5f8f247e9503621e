// Reads `--redis URL` / CHAT_REDIS_URL (docs/cluster.md): redis://HOST:PORT[/DB], or rediss://
// for TLS, as one sentence when it is not one.

const MAX_DB = 15;

/** The environment variable `chat host` reads the URL from when --redis is not given. */
export const REDIS_URL_VARIABLE = 'CHAT_REDIS_URL';

export type RedisUrlResult = {ok: true; url: string} | {ok: false; error: string};

/** The URL as a log line may show it: without its password. */
export function redisUrlForLog(text: string): string {
	try {
		const url = new URL(text);
		if (url.password !== '') url.password = '***';
		return url.href;
	} catch {
		return text;
	}
}

/** Why a first connection to the Redis at `url` failed, as the one sentence chat host and chat
 * names say. */
export function unreachableRedis(url: string, error: unknown): string {
	const why = error instanceof Error ? error.message : String(error);
	return `cannot reach Redis at ${redisUrlForLog(url)} (${why}); is redis-server running?`;
}

export function readRedisUrl(text: string): RedisUrlResult {
	const example = 'for example --redis redis://localhost:6379';
	let url: URL;
	try {
		url = new URL(text.trim());
	} catch {
		return {ok: false, error: `--redis needs a Redis URL, ${example}, not '${text}'`};
	}

	if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
		return {
			ok: false,
			error: `--redis needs a redis:// or rediss:// URL, ${example}, not '${text}'`,
		};
	}

	if (url.hostname === '') return {ok: false, error: `--redis needs a host, ${example}`};
	const db = url.pathname.replace(/^\//, '');
	if (db !== '' && !(/^\d+$/.test(db) && Number(db) <= MAX_DB)) {
		return {ok: false, error: `the database in --redis must be 0 to ${MAX_DB}, not '${db}'`};
	}

	return {ok: true, url: url.href};
}
