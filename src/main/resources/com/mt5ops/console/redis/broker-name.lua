-- One atomic change of a broker's shared name, with its audit entry. Runs after server-time.lua (iso8601).
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
if id == '' or #id > tonumber(ARGV[10]) or string.find(id, '%c') then
  return {'NOT_ALLOWED', '', 'a broker id must be 1 to ' .. ARGV[10] .. ' bytes without control characters'}
end
if #name > tonumber(ARGV[9]) then return {'NOT_ALLOWED', '', 'a name is at most ' .. ARGV[9] .. ' bytes'} end
if string.find(name, '%c') then return {'NOT_ALLOWED', '', 'a name may not hold control characters'} end

local nt = kind(KEYS[1])
if nt ~= 'none' and nt ~= 'hash' then return {'REFUSED', '', KEYS[1] .. ' is a ' .. nt .. ', not a hash'} end
local at = kind(KEYS[2])
if at ~= 'none' and at ~= 'stream' then return {'REFUSED', '', KEYS[2] .. ' is a ' .. at .. ', not a stream'} end

local cur = false
if nt == 'hash' then cur = redis.call('HGET', KEYS[1], id) end
local shown = cur or ''
local expected = ARGV[2]
if expected == 'missing' then
  if cur then return {'CONFLICT', cur, 'the broker is named now'} end
elseif string.sub(expected, 1, 3) == 'is:' then
  if cur ~= string.sub(expected, 4) then
    return {'CONFLICT', shown, cur and 'the name changed' or 'the name was removed'}
  end
elseif expected ~= 'any' then
  return redis.error_reply('broker-name.lua: expected name must be any, missing or is:<name>, not ' .. expected)
end
if name == '' and not cur then return {'NOT_ALLOWED', '', 'the broker has no name to remove'} end
if name == cur then return {'NOT_ALLOWED', shown, 'the broker already has this name'} end

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
