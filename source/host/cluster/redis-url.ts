// Reads `--redis URL` / CHAT_REDIS_URL (docs/cluster.md): redis://HOST:PORT[/DB], or rediss://
// for TLS, as one sentence when it is not one.

const MAX_DB = 15;

export type RedisUrlResult = {ok: true; url: string} | {ok: false; error: string};

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
