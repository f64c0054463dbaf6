-- One atomic change of a broker's shared name, with its audit entry. Runs after server-time.lua (iso8601) and
-- broker-name-checks.lua (broker_name_checks).
-- KEYS: 1 the names hash (console:broker_names), 2 the audit stream
-- ARGV: 1 broker id, 2 expected name ('any' | 'missing' | 'is:<name>'), 3 the new name ('' removes it),
--       4 operator (claimed), 5 Redis user (as the server named it), 6 host, 7 reason, 8 audit MAXLEN,
--       9 longest name in bytes, 10 longest broker id in bytes
-- Reply: {outcome, name now ('' for none), detail}
-- As in transition.lua: every check that can fail runs before the first write, and the audit entry is the first
-- write, so no name changes without it.
if redis.replicate_commands then redis.replicate_commands() end

local function kind(key) return redis.call('TYPE', key)['ok'] end

local id, name = ARGV[1], ARGV[3]
local at = kind(KEYS[2])
local stream_refusal = (at ~= 'none' and at ~= 'stream') and (KEYS[2] .. ' is a ' .. at .. ', not a stream') or ''
local refused, shown = broker_name_checks(KEYS[1], id, ARGV[2], name, ARGV[9], ARGV[10], stream_refusal)
if refused then return refused end

local function writes_at(now)
  local w = {{'XADD', KEYS[2], 'MAXLEN', '~', ARGV[8], '*',
    'action', 'broker-name', 'instance_id', '', 'broker_id', id, 'from', shown, 'to', name, 'reason', ARGV[7],
    'restart_count', '', 'operator', ARGV[4], 'redis_user', ARGV[5], 'host', ARGV[6], 'time', now}}
  if name == '' then
    w[2] = {'HDEL', KEYS[1], id}
  else
    w[2] = {'HSET', KEYS[1], id, name}
  end
  return w
end

local function named(w) return w[1] .. ' ' .. w[2] end

if redis.acl_check_cmd then
  if not redis.acl_check_cmd('TIME') then return {'DENIED', shown, 'the Redis user may not run TIME; nothing was written'} end
  for _, w in ipairs(writes_at('')) do
    if not redis.acl_check_cmd(unpack(w)) then
      return {'DENIED', shown, 'the Redis user may not run ' .. named(w) .. '; nothing was written'}
    end
  end
end

local writes = writes_at(iso8601(tonumber(redis.call('TIME')[1])))
local entry
for k, w in ipairs(writes) do
  local r = redis.pcall(unpack(w))
  if type(r) == 'table' and r.err then
    local denied = string.find(r.err, 'NOPERM', 1, true) or string.find(r.err, "can't run this command", 1, true)
      or string.find(r.err, "can't access", 1, true)
    local because = named(w) .. ' failed (' .. (denied and 'permission denied: ' or '') .. r.err .. ')'
    if k == 1 then return {denied and 'DENIED' or 'SERVER_ERROR', shown, because .. '; nothing was written'} end
    return {'SERVER_ERROR', shown, because .. '; written: audit entry ' .. tostring(entry) .. '; the name is unchanged'}
  end
  if k == 1 then entry = r end
end
return {'DONE', name, ''}
