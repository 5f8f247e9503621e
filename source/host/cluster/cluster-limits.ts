// Every limit of a cluster of hosts sharing one Redis (docs/cluster.md "Limits"), each with its
// reason. The one a flag changes, the host lease, defaults here and in HOST_DEFAULTS.

/** How long a host's lease (and each of its users' name claims) lasts without a refresh: a host
 * killed with -9 has its users leave and its names freed within this and one check after it. */
export const CLUSTER_HOST_TTL_MS = 10_000;

/** Leases are refreshed this many times within one TTL, so a slow tick or two never lets one lapse. */
export const LEASE_REFRESHES_PER_TTL = 4;

/** Name claims refreshed by one script call: a host of 10,000 users takes a few calls, each short
 * enough not to hold Redis up for other hosts. */
export const LEASE_REFRESH_BATCH = 500;

/** A message handed to another host with no answer in this time fails (`unreachable`): the
 * answer was lost with a Redis connection, and the sender must not wait for ever. */
export const REMOTE_ANSWER_TIMEOUT_MS = 30_000;

/** How often, per REMOTE_ANSWER_TIMEOUT_MS, the messages waiting too long are looked for: each
 * fails between the timeout and an eighth more after it was sent. */
export const ANSWER_SWEEPS_PER_TIMEOUT = 8;

/** Reconnecting to Redis: the first wait, its growth and its cap. Redis restarts in about a
 * second; a Redis that is down is not hammered by every host at once. */
export const REDIS_RECONNECT_INITIAL_MS = 100;
export const REDIS_RECONNECT_MULTIPLIER = 2;
export const REDIS_RECONNECT_MAX_MS = 5000;

/** Up to this share of each wait is taken off at random, so hosts do not return in step. */
export const REDIS_RECONNECT_JITTER_RATIO = 0.5;

/** `chat host --redis` gives up starting when Redis does not answer in this time. */
export const REDIS_CONNECT_TIMEOUT_MS = 5000;

/** How long a stored message's ref is remembered in Redis: a client resends an unanswered SEND
 * when it reconnects, within the resume grace and a few reconnect rounds, far inside this. */
export const STORED_REF_MEMORY_MS = 10 * 60_000;

/** Characters of frames in one PUBLISH, about (a batch is sealed once past it, so by at most a
 * frame): a flood's tick goes out as several payloads, which Redis and the receiving host each
 * take in turn with other work, instead of one so large that it holds both up and is decoded in
 * one long block (bench/README.md, "Cluster"). */
export const PUBLISH_BATCH_CHARS = 64 * 1024;

/** Answers that no payload of messages took at the end of a tick wait up to this long for one
 * to ride in: at a steady rate a host nearly always has messages for the other within it, and
 * answers alone cost a PUBLISH and a wake-up of Redis and of the other host, a third of the
 * PUBLISHes at 10,000 msg/s (bench/README.md, "Cluster"). A structured sender's DELIVERED comes
 * this much later at most; a failure's answer never waits. */
export const ANSWER_LINGER_MS = 2;

/** Messages handed over at which their answers go at the end of the tick, whatever the linger: a
 * flood's answers free its senders' window, and so many already make a PUBLISH worth its cost. */
export const ANSWER_LINGER_MAX = 64;

/** Characters of the lines of messages handed to one host and not answered yet, at most: a flood
 * waits on its own host rather than in Redis's output buffer for the receiving host's subscriber,
 * which Redis cuts off past `client-output-buffer-limit pubsub` (8 MB for a minute, 32 MB at once,
 * by default; a character is at most 3 bytes), and a few round trips' worth keep both hosts busy. */
export const UNANSWERED_CHARS_PER_HOST = 2 * 1024 * 1024;

/** A PUBLISH Redis has not answered in this time fails its messages (`unreachable`), as node-redis
 * fails its other commands after the same 5 s. The PUBLISHes of messages and answers are sent
 * without node-redis's own timeout: it makes a timer per command that lives its whole 5 s, which
 * at a steady rate cost the hosts a good share of their CPU and made the latency's slow spells
 * (bench/README.md, "Cluster"); the routing's sweep checks this instead. */
export const PUBLISH_TIMEOUT_MS = 5000;

/** PUBLISHes to one host that Redis has not answered yet, at most: what comes meanwhile joins the
 * next payload, so under load the hosts and Redis wake up for fewer, larger payloads, and a
 * second in flight keeps a flood moving during each round trip (bench/README.md, "Cluster"). */
export const PUBLISHES_IN_FLIGHT = 2;

/** Characters of the lines of messages waiting on one host's answer at which this host stops
 * reading the senders of the next ones (sender-pauses.ts): a flood waits in their sockets, not as
 * messages kept here for an answer, which every collection of the young generation copies. A few
 * payloads' worth keep the receiving host busy through a round trip (bench/README.md, "Cluster"). */
export const SENDER_PAUSE_CHARS = 256 * 1024;

/** The senders read on once the host's answers bring what waits under this: half the pause mark,
 * so a sender is not paused and woken for every payload. */
export const SENDER_RESUME_CHARS = SENDER_PAUSE_CHARS / 2;
