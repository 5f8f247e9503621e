// The Lua scripts of the offline mail in Redis (docs/cluster.md "Stored messages"): a check of
// the mailbox limits and the append as one step, and a take that no two logins can share. A
// message of several parts counts once against the message limit: a part counts unless the
// sender's part before it, still waiting, had `more=`.

/** The time of a held entry: its second field. */
const ENTRY_TIME = `local function entry_time(entry)
  return tonumber(string.match(entry, '^[^\\t]*\\t([^\\t]*)')) or 0
end`;

/** The sender's key of a held entry (its fourth field), and whether its MSG line has `more=`
 * before the text (no field before the text holds a ':'). */
const ENTRY_PARTS = `local function entry_parts(entry)
  local from, line = string.match(entry, '^[^\\t]*\\t[^\\t]*\\t[^\\t]*\\t([^\\t]*)\\t[^\\t]*\\t[^\\t]*\\t(.*)$')
  local head = string.match(line or '', '^[^:]*')
  return from or '', string.find(head, ' more=%d') ~= nil
end`;

/** The count of messages in KEYS[1]: KEYS[3], or for a list written before it was kept (every
 * entry a message of its own) the list's length. */
const MESSAGE_COUNT = `local function message_count()
  return tonumber(redis.call('GET', KEYS[3]) or redis.call('LLEN', KEYS[1]))
end`;

/**
 * KEYS: stored list, its bytes, its message count, its open senders. ARGV: most messages, most
 * bytes, entry, expiry cutoff (ms), TTL (ms), the sender's key, 1 if the entry has `more=` (else
 * 0). Drops what expired from the head, then appends unless a limit would be passed. 0 if stored,
 * 1 past the message limit, 2 past the byte limit.
 */
export const STORE = `
${ENTRY_TIME}
${ENTRY_PARTS}
${MESSAGE_COUNT}
local cutoff = tonumber(ARGV[4])
local count = message_count()
local open = {}
while true do
  local first = redis.call('LINDEX', KEYS[1], 0)
  if not first or entry_time(first) >= cutoff then break end
  redis.call('LPOP', KEYS[1])
  redis.call('DECRBY', KEYS[2], #first)
  local from, more = entry_parts(first)
  if not open[from] then count = count - 1 end
  open[from] = more
end
if redis.call('LLEN', KEYS[1]) == 0 then
  count = 0
  redis.call('DEL', KEYS[4])
end
if count < 0 then count = 0 end
redis.call('SET', KEYS[3], count, 'PX', ARGV[5])
local starts = redis.call('HEXISTS', KEYS[4], ARGV[6]) == 0
local bytes = tonumber(redis.call('GET', KEYS[2]) or '0')
if starts and count + 1 > tonumber(ARGV[1]) then return 1 end
if bytes + #ARGV[3] > tonumber(ARGV[2]) then return 2 end
redis.call('RPUSH', KEYS[1], ARGV[3])
redis.call('INCRBY', KEYS[2], #ARGV[3])
if starts then redis.call('SET', KEYS[3], count + 1, 'PX', ARGV[5]) end
if ARGV[7] == '1' then
  redis.call('HSET', KEYS[4], ARGV[6], 1)
else
  redis.call('HDEL', KEYS[4], ARGV[6])
end
redis.call('PEXPIRE', KEYS[1], ARGV[5])
redis.call('PEXPIRE', KEYS[2], ARGV[5])
redis.call('PEXPIRE', KEYS[4], ARGV[5])
return 0`;

/** KEYS: stored list, its bytes, receipts list, its message count, its open senders. Everything
 * stored and every receipt owed, oldest first, as two lists; all five keys are gone. */
export const TAKE_STORED = `
local stored = redis.call('LRANGE', KEYS[1], 0, -1)
local receipts = redis.call('LRANGE', KEYS[3], 0, -1)
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5])
return {stored, receipts}`;

/** KEYS: stored list, its bytes, its message count. ARGV: TTL (ms), then the entries, oldest
 * first. Puts taken entries that never reached their owner back at the head, ahead of newer
 * ones; no limit. */
export const RESTORE_STORED = `
${ENTRY_PARTS}
${MESSAGE_COUNT}
local count = message_count()
local open = {}
for i = 2, #ARGV do
  local from, more = entry_parts(ARGV[i])
  if not open[from] then count = count + 1 end
  open[from] = more
end
local bytes = 0
for i = #ARGV, 2, -1 do
  redis.call('LPUSH', KEYS[1], ARGV[i])
  bytes = bytes + #ARGV[i]
end
redis.call('INCRBY', KEYS[2], bytes)
redis.call('SET', KEYS[3], count, 'PX', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[1])
return 1`;

/** KEYS: receipts list. ARGV: TTL (ms), receipt. */
export const OWE_RECEIPT = `
redis.call('RPUSH', KEYS[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1`;
