// The Lua scripts a cluster runs in Redis, where several keys must change together or a check and
// a change must be one step (docs/cluster.md "Key layout"). Each is run with EVAL; Redis caches
// it by its digest.

/** KEYS: name claim, own users hash. ARGV: host, ttl ms, name key, record. 1 if claimed. */
export const CLAIM = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  redis.call('HSET', KEYS[2], ARGV[3], ARGV[4])
  return 1
end
return 0`;

/**
 * KEYS: own users hash. ARGV: host, ttl ms, channel, then (claim key, name key, record, frame)
 * per user. Claims each name again (after an outage) unless another host holds it now; records
 * the user and publishes its frame. Returns the positions (from 1) of the names lost.
 */
export const REGISTER = `
local lost = {}
local n = (#ARGV - 3) / 4
for i = 1, n do
  local at = 3 + (i - 1) * 4
  local claim = ARGV[at + 1]
  local holder = redis.call('GET', claim)
  if holder == false or holder == ARGV[1] then
    redis.call('SET', claim, ARGV[1], 'PX', ARGV[2])
    redis.call('HSET', KEYS[1], ARGV[at + 2], ARGV[at + 3])
    redis.call('PUBLISH', ARGV[3], ARGV[at + 4])
  else
    table.insert(lost, i)
  end
end
return lost`;

/** KEYS: the claims of this host's users. ARGV: host, ttl ms. Refreshes each claim this host
 * still holds; returns the positions (from 1) of the others, to be registered again or let go. */
export const REFRESH = `
local other = {}
for i = 1, #KEYS do
  if redis.call('GET', KEYS[i]) == ARGV[1] then
    redis.call('PEXPIRE', KEYS[i], ARGV[2])
  else
    table.insert(other, i)
  end
end
return other`;

/** KEYS: own lease, hosts set. ARGV: host, ttl ms. 1 if the lease was still there. */
export const LEASE = `
local had = redis.call('EXISTS', KEYS[1])
redis.call('SET', KEYS[1], '1', 'PX', ARGV[2])
redis.call('SADD', KEYS[2], ARGV[1])
return had`;

/** KEYS: name claim, held list. ARGV: host. Frees the name if it is this host's (or nobody's)
 * and gives back what was held for it; nothing if another host holds the name now. */
export const RELEASE = `
local holder = redis.call('GET', KEYS[1])
if holder ~= false and holder ~= ARGV[1] then return {} end
if holder == ARGV[1] then redis.call('DEL', KEYS[1]) end
local held = redis.call('LRANGE', KEYS[2], 0, -1)
redis.call('DEL', KEYS[2])
return held`;

/** KEYS: own users hash. ARGV: name key, record ('' to remove), channel, frame. */
export const RECORD = `
if ARGV[2] == '' then
  redis.call('HDEL', KEYS[1], ARGV[1])
else
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
end
redis.call('PUBLISH', ARGV[3], ARGV[4])
return 1`;

/** KEYS: name claim, the old host's users hash, own users hash. ARGV: host, old host, ttl ms,
 * name key, record, channel, frame. Moves a user to this host (a resume here); 0 if the name is
 * a third host's now. */
export const MOVE = `
local holder = redis.call('GET', KEYS[1])
if holder ~= false and holder ~= ARGV[1] and holder ~= ARGV[2] then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
redis.call('HDEL', KEYS[2], ARGV[4])
redis.call('HSET', KEYS[3], ARGV[4], ARGV[5])
redis.call('PUBLISH', ARGV[6], ARGV[7])
return 1`;

/** KEYS: held list. ARGV: most held, entry. -1 if held, else how many wait already. */
export const HOLD = `
local waiting = redis.call('LLEN', KEYS[1])
if waiting >= tonumber(ARGV[1]) then return waiting end
redis.call('RPUSH', KEYS[1], ARGV[2])
return -1`;

/** KEYS: held list. Everything held, oldest first, and the list is gone. */
export const TAKE_HELD = `
local held = redis.call('LRANGE', KEYS[1], 0, -1)
redis.call('DEL', KEYS[1])
return held`;

/**
 * KEYS: hosts set, the host's lease, its users hash. ARGV: host, presence channel, gone frame,
 * claim key prefix, '1' to remove it even with its lease (its own shutdown). Removes a host whose
 * lease ran out, once: frees the names it still held, drops its users and tells every host.
 * Returns the name keys of its users (their held messages are failed next), or false.
 */
export const REMOVE_HOST = `
if ARGV[5] ~= '1' and redis.call('EXISTS', KEYS[2]) == 1 then return false end
if redis.call('SREM', KEYS[1], ARGV[1]) == 0 and ARGV[5] ~= '1' then return false end
redis.call('DEL', KEYS[2])
local keys = redis.call('HKEYS', KEYS[3])
for _, key in ipairs(keys) do
  local claim = ARGV[4] .. key
  if redis.call('GET', claim) == ARGV[1] then redis.call('DEL', claim) end
end
redis.call('DEL', KEYS[3])
redis.call('PUBLISH', ARGV[2], ARGV[3])
return keys`;
