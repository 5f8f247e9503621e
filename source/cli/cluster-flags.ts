// The `chat host` flag that makes it one host of a cluster (docs/cluster.md): --redis URL, or
// CHAT_REDIS_URL; one sentence when the URL is not one.

import {REDIS_URL_VARIABLE, readRedisUrl} from '../host/cluster/redis-url.js';

type ClusterResult = {ok: true; redis: string | undefined} | {ok: false; error: string};

export function clusterFromFlags(
	flags: Readonly<Record<string, unknown>>,
	env: NodeJS.ProcessEnv,
): ClusterResult {
	const flag = typeof flags['redis'] === 'string' ? flags['redis'] : undefined;
	const text = flag ?? (env[REDIS_URL_VARIABLE] || undefined);
	if (text === undefined) return {ok: true, redis: undefined};
	const read = readRedisUrl(text);
	if (read.ok) return {ok: true, redis: read.url};
	return {
		ok: false,
		error: flag === undefined ? `${REDIS_URL_VARIABLE}: ${read.error}` : read.error,
	};
}
