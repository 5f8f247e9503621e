// The Lua scripts of the offline mail in Redis (docs/cluster.md "Stored messages"): a check of
// the mailbox limits and the append as one step, and a take that no two logins can share.

/** The time of a held entry: its second field. */
const ENTRY_TIME = `local function entry_time(entry)
  return tonumber(string.match(entry, '^[^\\t]*\\t([^\\t]*)')) or 0
end`;

/**
 * KEYS: stored list, its bytes. ARGV: most messages, most bytes, entry, expiry cutoff (ms), TTL
 * (ms). Drops what expired from the head, then appends unless a limit would be passed. 0 if
 * stored, 1 past the message limit, 2 past the byte limit.
 */
export const STORE = `
${ENTRY_TIME}
local cutoff = tonumber(ARGV[4])
while true do
  local first = redis.call('LINDEX', KEYS[1], 0)
  if not first or entry_time(first) >= cutoff then break end
  redis.call('LPOP', KEYS[1])
  redis.call('DECRBY', KEYS[2], #first)
end
local bytes = tonumber(redis.call('GET', KEYS[2]) or '0')
if redis.call('LLEN', KEYS[1]) + 1 > tonumber(ARGV[1]) then return 1 end
if bytes + #ARGV[3] > tonumber(ARGV[2]) then return 2 end
redis.call('RPUSH', KEYS[1], ARGV[3])
redis.call('INCRBY', KEYS[2], #ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
redis.call('PEXPIRE', KEYS[2], ARGV[5])
return 0`;

/** KEYS: stored list, its bytes, receipts list. Everything stored and every receipt owed, oldest
 * first, as two lists; all three keys are gone. */
export const TAKE_STORED = `
local stored = redis.call('LRANGE', KEYS[1], 0, -1)
local receipts = redis.call('LRANGE', KEYS[3], 0, -1)
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
return {stored, receipts}`;

/** KEYS: stored list, its bytes. ARGV: TTL (ms), then the entries, oldest first. Puts taken
 * entries that never reached their owner back at the head, ahead of newer ones; no limit. */
export const RESTORE_STORED = `
local bytes = 0
for i = #ARGV, 2, -1 do
  redis.call('LPUSH', KEYS[1], ARGV[i])
  bytes = bytes + #ARGV[i]
end
redis.call('INCRBY', KEYS[2], bytes)
redis.call('PEXPIRE', KEYS[1], ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[1])
return 1`;

/** KEYS: receipts list. ARGV: TTL (ms), receipt. */
export const OWE_RECEIPT = `
redis.call('RPUSH', KEYS[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1`;
