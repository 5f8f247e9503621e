// The Lua scripts of the offline mail in Redis (docs/cluster.md "Stored messages"): a check of
// the mailbox limits and the append as one step, and a take that no two logins can share.

/** The time of a held entry: its second field. */
const ENTRY_TIME = `local function entry_time(entry)
  return tonumber(string.match(entry, '^[^\\t]*\\t([^\\t]*)')) or 0
end`;

/**
 * KEYS: stored list, its bytes, the list being handed on, the owner's name claim, and (a
 * structured sender) the sender's ref key. ARGV: most messages, most bytes, entry, expiry cutoff
 * (ms), TTL (ms), the host channels' prefix, the frame that tells a host to take what was stored
 * late, and with the ref key `id<TAB>time` and its TTL (ms). A ref stored already answers with its
 * `id<TAB>time`: a SEND resent on another host is stored once. Else drops what expired from the
 * head, then appends unless a limit (counting what is being handed on) would be passed: 0 if
 * stored, 1 past the message limit, 2 past the byte limit. A name claimed meanwhile (the owner
 * logged in, and the sender's host has not heard yet) has its host told to take it.
 */
export const STORE = `
${ENTRY_TIME}
if KEYS[5] then
  local seen = redis.call('GET', KEYS[5])
  if seen then return seen end
end
local cutoff = tonumber(ARGV[4])
while true do
  local first = redis.call('LINDEX', KEYS[1], 0)
  if not first or entry_time(first) >= cutoff then break end
  redis.call('LPOP', KEYS[1])
  redis.call('DECRBY', KEYS[2], #first)
end
local bytes = tonumber(redis.call('GET', KEYS[2]) or '0')
local waiting = redis.call('LLEN', KEYS[1]) + redis.call('LLEN', KEYS[3])
if waiting + 1 > tonumber(ARGV[1]) then return 1 end
if bytes + #ARGV[3] > tonumber(ARGV[2]) then return 2 end
redis.call('RPUSH', KEYS[1], ARGV[3])
redis.call('INCRBY', KEYS[2], #ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
redis.call('PEXPIRE', KEYS[2], ARGV[5])
if KEYS[5] then redis.call('SET', KEYS[5], ARGV[8], 'PX', ARGV[9]) end
local holder = redis.call('GET', KEYS[4])
if holder then redis.call('PUBLISH', ARGV[6] .. holder, ARGV[7]) end
return 0`;

/**
 * KEYS: stored list, its bytes, receipts list, the list being handed on. ARGV: TTL (ms). Moves
 * what is stored behind what an earlier login took and never wrote, and gives back that whole
 * list, oldest first, with every receipt owed. Both stay in Redis until the socket has them
 * (CONFIRM_STORED, and LTRIM of the receipts given), so a host killed meanwhile loses none.
 */
export const TAKE_STORED = `
local stored = redis.call('LRANGE', KEYS[1], 0, -1)
for _, entry in ipairs(stored) do redis.call('RPUSH', KEYS[4], entry) end
redis.call('DEL', KEYS[1])
local handing = redis.call('LRANGE', KEYS[4], 0, -1)
if #handing > 0 then
  redis.call('PEXPIRE', KEYS[4], ARGV[1])
  redis.call('PEXPIRE', KEYS[2], ARGV[1])
end
local receipts = redis.call('LRANGE', KEYS[3], 0, -1)
return {handing, receipts}`;

/** KEYS: stored list, its bytes, the list being handed on. ARGV: TTL (ms). What was stored
 * after the login's take, moved behind what is being handed on, and given back, oldest first. */
export const TAKE_LATE_STORED = `
local stored = redis.call('LRANGE', KEYS[1], 0, -1)
if #stored == 0 then return stored end
for _, entry in ipairs(stored) do redis.call('RPUSH', KEYS[3], entry) end
redis.call('DEL', KEYS[1])
redis.call('PEXPIRE', KEYS[3], ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[1])
return stored`;

/**
 * KEYS: the list being handed on, the bytes, the stored list. ARGV: the `id<TAB>time<TAB>` each
 * entry that reached its socket starts with. Removes them (mostly from the head: they go out in
 * order); the bytes go once nothing waits.
 */
export const CONFIRM_STORED = `
for i = 1, #ARGV do
  local prefix = ARGV[i]
  local first = redis.call('LINDEX', KEYS[1], 0)
  if first and string.sub(first, 1, #prefix) == prefix then
    redis.call('LPOP', KEYS[1])
    redis.call('DECRBY', KEYS[2], #first)
  else
    for _, entry in ipairs(redis.call('LRANGE', KEYS[1], 0, -1)) do
      if string.sub(entry, 1, #prefix) == prefix then
        redis.call('LREM', KEYS[1], 1, entry)
        redis.call('DECRBY', KEYS[2], #entry)
        break
      end
    end
  end
end
if redis.call('LLEN', KEYS[1]) + redis.call('LLEN', KEYS[3]) == 0 then redis.call('DEL', KEYS[2]) end
return 1`;

/** KEYS: stored list, its bytes. ARGV: TTL (ms), then the entries, oldest first. Stores what
 * was held for an owner who left for good, after what waits already; no limit (the single host
 * keeps them all too). */
export const APPEND_STORED = `
local bytes = 0
for i = 2, #ARGV do
  redis.call('RPUSH', KEYS[1], ARGV[i])
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
